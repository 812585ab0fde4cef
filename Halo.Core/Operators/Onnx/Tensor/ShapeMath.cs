using System.Collections.Immutable;
using Halo.Core.IR.Types;

namespace Halo.Core.Operators.Onnx.Tensor;

/// <summary>Dimension arithmetic and checks shared by the tensor operator inferences.</summary>
internal static class ShapeMath
{
    /// <summary>The largest rank inference builds; a model asking for more is reported, not allocated.</summary>
    public const int MaxRank = 4096;

    /// <summary>A stand-in for "up to the end" in slice bounds.</summary>
    public const long Huge = long.MaxValue / 4;

    /// <summary>A static dimension of <paramref name="size"/>; unknown for sizes a dimension cannot hold (negative or
    /// <see cref="long.MaxValue"/>), which only hostile models produce.</summary>
    public static Dimension Dim(long size) => size is >= 0 and < long.MaxValue ? Dimension.Of(size) : Dimension.Unknown;

    /// <summary>The shape given by the 1-D shape-carrying operand <paramref name="input"/>: static when it is constant,
    /// else of known rank when its length is known; null after reporting a malformed operand.</summary>
    public static Shape? ShapeOperand(InferenceContext ctx, int input)
    {
        var s = ctx.InputShape(input);
        if (s.IsRanked && s.Rank != 1)
        {
            ctx.Fail($"the shape operand must be 1-D, got {s}");
            return null;
        }
        return ctx.InputInts(input) is { } sizes ? FromSizes(ctx, sizes, "the shape operand") : RankFromVector(ctx, input);
    }

    /// <summary>a + b, false on overflow.</summary>
    public static bool TryAdd(long a, long b, out long sum)
    {
        sum = unchecked(a + b);
        return !((a > 0 && b > long.MaxValue - a) || (a < 0 && b < long.MinValue - a));
    }

    /// <summary>a * b for non-negative a and b, false on overflow.</summary>
    public static bool TryMultiply(long a, long b, out long product)
    {
        product = unchecked(a * b);
        return a >= 0 && b >= 0 && (a == 0 || product / a == b);
    }

    /// <summary>a * b when both are static (0 when either is 0), a when b is 1 and the other way round, else unknown.</summary>
    public static Dimension Mul(Dimension a, Dimension b)
    {
        if ((a.IsStatic && a.Value == 0) || (b.IsStatic && b.Value == 0))
        {
            return Dimension.Of(0);
        }
        if (a.IsStatic && b.IsStatic)
        {
            long p = unchecked(a.Value * b.Value);
            return p / a.Value != b.Value ? Dimension.Unknown : Dim(p);
        }
        if (a.IsStatic && a.Value == 1)
        {
            return b;
        }
        return b.IsStatic && b.Value == 1 ? a : Dimension.Unknown;
    }

    /// <summary>d * k for a non-negative factor k.</summary>
    public static Dimension Mul(Dimension d, long k) => k < 0 ? Dimension.Unknown : Mul(d, Dim(k));

    /// <summary>a + b when both are static, a when b is 0 and the other way round, else unknown.</summary>
    public static Dimension Add(Dimension a, Dimension b)
    {
        if (a.IsStatic && b.IsStatic)
        {
            return Dim(unchecked(a.Value + b.Value));
        }
        if (a.IsStatic && a.Value == 0)
        {
            return b;
        }
        return b.IsStatic && b.Value == 0 ? a : Dimension.Unknown;
    }

    /// <summary>The product of dimensions [from, to): one dimension stays as it is (symbols included).</summary>
    public static Dimension Product(Shape shape, int from, int to)
    {
        var acc = Dimension.Of(1);
        for (int i = from; i < to; i++)
        {
            acc = Mul(acc, shape[i]);
        }
        return acc;
    }

    /// <summary>The most precise dimension both agree on: equal ones stay, a static one beats an unknown, else unknown.
    /// False when both are static and differ.</summary>
    public static bool TryUnify(Dimension a, Dimension b, out Dimension result)
    {
        if (a.Equals(b))
        {
            result = a;
            return true;
        }
        if (a.IsStatic && b.IsStatic)
        {
            result = Dimension.Unknown;
            return false;
        }
        result = a.IsStatic ? a : b.IsStatic ? b : a.IsUnknown ? b : a;
        return true;
    }

    /// <summary>Normalizes <paramref name="axis"/> against <paramref name="rank"/>, reporting an out-of-range axis.</summary>
    public static bool TryAxis(InferenceContext ctx, long axis, int rank, out int normalized)
    {
        if (ShapeHelpers.TryNormalizeAxis(axis, rank, out normalized))
        {
            return true;
        }
        ctx.Fail($"axis {axis} is out of range for rank {rank}");
        return false;
    }

    /// <summary>Normalizes a list of axes against <paramref name="rank"/>, reporting out-of-range and repeated axes.</summary>
    public static int[]? TryAxes(InferenceContext ctx, IReadOnlyList<long> axes, int rank)
    {
        var result = new int[axes.Count];
        var seen = new HashSet<int>();
        for (int i = 0; i < axes.Count; i++)
        {
            if (!TryAxis(ctx, axes[i], rank, out result[i]))
            {
                return null;
            }
            if (!seen.Add(result[i]))
            {
                ctx.Fail($"axis {axes[i]} appears more than once");
                return null;
            }
        }
        return result;
    }

    /// <summary>Whether <paramref name="rank"/> is small enough to build; reports it otherwise.</summary>
    public static bool CheckRank(InferenceContext ctx, long rank)
    {
        if (rank >= 0 && rank <= MaxRank)
        {
            return true;
        }
        ctx.Fail($"rank {rank} is out of the supported range [0, {MaxRank}]");
        return false;
    }

    /// <summary>The length of a 1-D shape-carrying operand when its shape is known, else -1.</summary>
    public static long VectorLength(InferenceContext ctx, int input)
    {
        var s = ctx.InputShape(input);
        if (s.IsRanked && s.Rank == 0)
        {
            return 1;
        }
        return s.IsRanked && s.Rank == 1 && s[0].IsStatic ? s[0].Value : -1;
    }

    /// <summary>A shape of unknown dims whose rank is the length of 1-D operand <paramref name="input"/>, else unranked.</summary>
    public static Shape RankFromVector(InferenceContext ctx, int input)
    {
        long n = VectorLength(ctx, input);
        return n >= 0 && CheckRank(ctx, n) ? Shape.OfRank((int)n) : Shape.Unranked;
    }

    /// <summary>A static shape from constant sizes, reporting negative sizes.</summary>
    public static Shape? FromSizes(InferenceContext ctx, IReadOnlyList<long> sizes, string what)
    {
        if (!CheckRank(ctx, sizes.Count))
        {
            return null;
        }
        var dims = new Dimension[sizes.Count];
        for (int i = 0; i < dims.Length; i++)
        {
            if (sizes[i] < 0 || sizes[i] == long.MaxValue)
            {
                ctx.Fail($"{what} has an invalid size {sizes[i]} at position {i}");
                return null;
            }
            dims[i] = Dimension.Of(sizes[i]);
        }
        return Shape.Of(dims);
    }

    /// <summary>Sets the shape of tensor result <paramref name="index"/> when the node has that result.</summary>
    public static void SetShape(InferenceContext ctx, int index, Shape shape)
    {
        if (index < ctx.OutputCount)
        {
            ctx.SetOutputShape(index, shape);
        }
    }

    /// <summary>A copy of the dimensions of a ranked shape.</summary>
    public static Dimension[] Dims(Shape shape) => [.. shape.Dimensions];

    /// <summary>A shape from dimensions.</summary>
    public static Shape ToShape(IEnumerable<Dimension> dims) => Shape.Of(ImmutableArray.CreateRange(dims));

    /// <summary>The integer list of attribute <paramref name="name"/>, or of constant operand <paramref name="input"/>
    /// when the attribute is absent; null when neither is known.</summary>
    public static long[]? IntsFrom(InferenceContext ctx, string name, int input)
    {
        if (ctx.Attributes.ContainsKey(name) && ctx.GetInts(name) is { } a)
        {
            return [.. a];
        }
        return input >= 0 ? ctx.InputInts(input) : null;
    }
}
