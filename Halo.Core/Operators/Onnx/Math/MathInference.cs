using System.Collections.Immutable;
using Halo.Core.IR.Types;

namespace Halo.Core.Operators.Onnx.Math;

/// <summary>Shape and type inference helpers shared by the math operators.</summary>
internal static class MathInference
{
    /// <summary>Output 0 keeps the element type from the constraints and takes the shape of input 0.</summary>
    public static void SameShape(InferenceContext ctx)
    {
        ctx.SetOutputShape(0, ctx.InputShape(0));
    }

    /// <summary>Gives result 0 the fixed element type <paramref name="type"/> (a type variable no operand binds),
    /// then runs <paramref name="shape"/>, which must only set shapes.</summary>
    public static ShapeInferenceFunction Typed(ElementType type, ShapeInferenceFunction shape) => ctx =>
    {
        ctx.SetOutput(0, type, Shape.Unranked);
        shape(ctx);
    };

    /// <summary>
    /// Opset 1 to 6 broadcasting (attributes <c>broadcast</c> and <c>axis</c>): the result has the shape of A;
    /// B must equal A, or with <c>broadcast</c> = 1 match a contiguous run of A's dimensions.
    /// </summary>
    public static void LegacyBroadcast(InferenceContext ctx)
    {
        var a = ctx.InputShape(0);
        var b = ctx.InputShape(1);
        ctx.SetOutputShape(0, a);
        if (!a.IsRanked || !b.IsRanked)
        {
            return;
        }
        // ONNX: a single-element B broadcasts anywhere (exporters of the time emitted it without broadcast = 1).
        if (b.ElementCount == 1)
        {
            return;
        }
        if (ctx.GetInt("broadcast", 0) == 0)
        {
            if (a.Rank != b.Rank || !Compatible(a, 0, b))
            {
                ctx.Fail($"shapes {a} and {b} differ and attribute broadcast is 0");
            }
            return;
        }
        if (b.Rank > a.Rank)
        {
            ctx.Fail($"B of rank {b.Rank} cannot be broadcast to A of rank {a.Rank}");
            return;
        }
        long axis = ctx.Attr("axis") is null ? a.Rank - b.Rank : ctx.GetInt("axis", 0);
        if (axis < 0)
        {
            axis += a.Rank;
        }
        if (axis < 0 || axis > a.Rank - b.Rank)
        {
            ctx.Fail($"axis {ctx.GetInt("axis", 0)} does not place B {b} inside A {a}");
            return;
        }
        if (!Compatible(a, (int)axis, b))
        {
            ctx.Fail($"B {b} does not match A {a} at axis {axis}");
        }
    }

    private static bool Compatible(Shape a, int offset, Shape b)
    {
        for (int i = 0; i < b.Rank; i++)
        {
            var x = a[offset + i];
            var y = b[i];
            if (x.IsStatic && y.IsStatic && x.Value != y.Value && y.Value != 1)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Whether <paramref name="from"/> broadcasts to <paramref name="to"/> in one direction (numpy rules).</summary>
    public static bool IsUnidirectionalBroadcastable(Shape from, Shape to)
    {
        if (!from.IsRanked || !to.IsRanked)
        {
            return true;
        }
        if (from.Rank > to.Rank)
        {
            return false;
        }
        int offset = to.Rank - from.Rank;
        for (int i = 0; i < from.Rank; i++)
        {
            var f = from[i];
            var t = to[offset + i];
            if (f.IsStatic && f.Value != 1 && t.IsStatic && t.Value != f.Value)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Maps an ONNX data type number to an element type; false for undefined or unknown numbers.</summary>
    public static bool TryDataType(long value, out ElementType type)
    {
        type = ElementType.Undefined;
        if (value <= 0 || !ElementTypeExtensions.IsKnownDataType(value))
        {
            return false;
        }
        type = (ElementType)value;
        return true;
    }

    /// <summary>Reads an integer data type attribute into an element type, failing on bad numbers;
    /// <paramref name="fallback"/> when absent.</summary>
    public static ElementType DataTypeAttr(InferenceContext ctx, string name, ElementType fallback)
    {
        if (ctx.Attr(name) is null)
        {
            return fallback;
        }
        long value = ctx.GetInt(name, 0);
        if (TryDataType(value, out var type))
        {
            return type;
        }
        ctx.Fail($"attribute {name} = {value} is not a known data type");
        return ElementType.Undefined;
    }

    /// <summary>Sets output <paramref name="index"/> when it exists.</summary>
    public static void SetIfPresent(InferenceContext ctx, int index, ElementType type, Shape shape)
    {
        if (index < ctx.OutputCount)
        {
            ctx.SetOutput(index, type, shape);
        }
    }

    /// <summary>A shape built from a dimension list.</summary>
    public static Shape ShapeOf(List<Dimension> dims) => Shape.Of(ImmutableArray.CreateRange(dims));

    /// <summary>Merges two dimensions that must be equal; false when both are static and differ.</summary>
    public static bool TryMerge(Dimension a, Dimension b, out Dimension merged)
    {
        merged = a.IsStatic ? a : b.IsStatic ? b : a.IsSymbolic ? a : b;
        return !(a.IsStatic && b.IsStatic && a.Value != b.Value);
    }
}
