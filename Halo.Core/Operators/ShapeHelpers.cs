using System.Collections.Immutable;
using Halo.Core.IR.Types;

namespace Halo.Core.Operators;

/// <summary>Building blocks for shape inference functions.</summary>
public static class ShapeHelpers
{
    /// <summary>Inference that gives output 0 the full type of input <paramref name="inputIndex"/>.</summary>
    public static ShapeInferenceFunction SameAsInput(int inputIndex) => context =>
    {
        if (context.InputType(inputIndex) is { } t)
        {
            context.SetOutput(0, t);
        }
    };

    /// <summary>Inference for elementwise operators: output 0 has the broadcast shape of all present tensor
    /// operands and keeps the element type from the type constraints.</summary>
    public static void Elementwise(InferenceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var shapes = new List<Shape>();
        for (int i = 0; i < context.InputCount; i++)
        {
            if (context.HasInput(i))
            {
                shapes.Add(context.InputShape(i));
            }
        }
        if (TryBroadcast(shapes, out var shape, out string? error))
        {
            context.SetOutputShape(0, shape);
        }
        else
        {
            context.Fail(error!);
        }
    }

    /// <summary>Multidirectional (numpy) broadcasting of <paramref name="shapes"/>. Unknown dimensions yield
    /// unknown (or the other side's value when that is greater than 1).</summary>
    public static bool TryBroadcast(IReadOnlyList<Shape> shapes, out Shape result, out string? error)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        error = null;
        result = Shape.Unranked;
        if (shapes.Any(s => !s.IsRanked))
        {
            return true;
        }
        int rank = shapes.Count == 0 ? 0 : shapes.Max(s => s.Rank);
        var dims = new Dimension[rank];
        for (int k = 0; k < rank; k++)
        {
            Dimension? acc = null;
            foreach (var s in shapes)
            {
                int i = k - (rank - s.Rank);
                if (i < 0)
                {
                    continue;
                }
                var d = s[i];
                if (!TryBroadcastDim(acc, d, out acc))
                {
                    error = $"shapes {string.Join(" and ", shapes)} cannot be broadcast (axis {k})";
                    return false;
                }
            }
            dims[k] = acc ?? Dimension.Of(1);
        }
        result = Shape.Of(ImmutableArray.Create(dims));
        return true;
    }

    private static bool TryBroadcastDim(Dimension? acc, Dimension d, out Dimension? result)
    {
        result = acc;
        if (acc is not { } a)
        {
            result = d;
            return true;
        }
        if (d.IsStatic && d.Value == 1)
        {
            return true;
        }
        if (a.IsStatic && a.Value == 1)
        {
            result = d;
            return true;
        }
        if (a.IsStatic && d.IsStatic)
        {
            return a.Value == d.Value;
        }
        if (a.Equals(d))
        {
            return true;
        }
        result = a.IsStatic ? a : d.IsStatic ? d : Dimension.Unknown;
        return true;
    }

    /// <summary>Maps a possibly negative axis into [0, rank); false when out of range.</summary>
    public static bool TryNormalizeAxis(long axis, int rank, out int normalized)
    {
        long a = axis < 0 ? axis + rank : axis;
        normalized = (int)Math.Clamp(a, int.MinValue, int.MaxValue);
        return a >= 0 && a < rank;
    }

    /// <summary>The product of dimensions <paramref name="from"/>..<paramref name="to"/> (exclusive) when static, else unknown.</summary>
    public static Dimension Product(Shape shape, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(shape);
        long p = 1;
        for (int i = from; i < to; i++)
        {
            if (!shape[i].IsStatic)
            {
                return Dimension.Unknown;
            }
            p = checked(p * shape[i].Value);
        }
        return Dimension.Of(p);
    }
}
