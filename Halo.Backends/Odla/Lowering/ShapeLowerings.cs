using System.Collections.Immutable;

namespace Halo.Backends.Odla.Lowering;

/// <summary>Operators that only change the shape or order of elements: Reshape, Flatten, Squeeze, Unsqueeze,
/// Transpose, Expand, Tile, Shape.</summary>
internal static class ShapeLowerings
{
    public static void Register(LoweringTableBuilder table) => table
        .Add("Reshape", Reshape)
        .Add("Flatten", Reshape)
        .Add("Unsqueeze", c => c.Define(0, $"odla_ExpandDims({c.Value(0)}, {c.OutputShapeExpression()}, {c.OutputId()})"))
        .Add("Squeeze", Squeeze)
        .Add("Transpose", Transpose)
        .Add("Expand", c => c.Define(0, $"odla_Broadcast({c.Value(0)}, {c.OutputShapeExpression()}, {c.OutputId()})"))
        .Add("Tile", Tile)
        .Add("Shape", c => !c.Attributes.ContainsKey("start") && !c.Attributes.ContainsKey("end")
            ? c.Define(0, $"odla_Shape({c.Value(0)}, {c.OutputShapeExpression()}, {c.OutputId()})")
            : c.Unsupported("start and end have no ODLA counterpart; fold Shape with the standard passes"));

    /// <summary>Reshape and Flatten: the static output shape says it all (a shape operand is not needed).</summary>
    private static bool Reshape(LoweringContext c) =>
        c.Define(0, $"odla_Reshape({c.Value(0)}, {c.OutputShapeExpression()}, {c.OutputId()})");

    private static bool Squeeze(LoweringContext c)
    {
        var shape = c.InputShape(0);
        ImmutableArray<long>? axes = c.Ints("axes");
        if (c.HasInput(1))
        {
            if (c.ConstantInts(1) is not { } given)
            {
                return c.Unsupported("the axes input must be a constant; fold it with the standard passes");
            }
            axes = [.. given];
        }
        var normalized = axes is { IsEmpty: false } list
            ? list.Select(a => LoweringContext.NormalizeAxis(a, shape.Length)).Order().ToArray()
            : Enumerable.Range(0, shape.Length).Where(i => shape[i] == 1).Select(i => (long)i).ToArray();
        return c.Define(0, $"odla_Squeeze({c.Value(0)}, {LoweringContext.I(normalized.Length)}, {c.Module.UInt32Array(normalized)}, " +
            $"{c.OutputShapeExpression()}, {c.OutputId()})");
    }

    private static bool Transpose(LoweringContext c)
    {
        int rank = c.InputRank(0);
        long[] perm = c.Ints("perm") is { } p ? [.. p] : [.. Enumerable.Range(0, rank).Reverse().Select(i => (long)i)];
        return c.Define(0, $"odla_Transpose({c.Value(0)}, {c.Module.Shape(perm)}, {c.OutputShapeExpression()}, {c.OutputId()})");
    }

    private static bool Tile(LoweringContext c)
    {
        if (c.ConstantInts(1) is not { } repeats)
        {
            return c.Unsupported("the repeats input must be a constant; fold it with the standard passes");
        }
        return c.Define(0, $"odla_Tile({c.Value(0)}, {c.Module.UInt32Array(repeats)}, {c.OutputShapeExpression()}, {c.OutputId()})");
    }
}
