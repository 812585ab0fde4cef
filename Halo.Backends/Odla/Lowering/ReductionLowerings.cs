using System.Collections.Immutable;

namespace Halo.Backends.Odla.Lowering;

/// <summary>The Reduce* family and ArgMax/ArgMin.</summary>
internal static class ReductionLowerings
{
    private static readonly Dictionary<string, string> s_reduce = new(StringComparer.Ordinal)
    {
        ["ReduceMax"] = "odla_ReduceMax", ["ReduceMin"] = "odla_ReduceMin", ["ReduceMean"] = "odla_ReduceMean",
        ["ReduceSum"] = "odla_ReduceSum", ["ReduceProd"] = "odla_ReduceProd", ["ReduceLogSum"] = "odla_ReduceLogSum",
        ["ReduceLogSumExp"] = "odla_ReduceLogSumExp", ["ReduceSumSquare"] = "odla_ReduceSumSquare",
        ["ReduceL1"] = "odla_ReduceL1", ["ReduceL2"] = "odla_ReduceL2",
    };

    public static void Register(LoweringTableBuilder table) => table
        .AddAll(s_reduce.Keys, name => c => Reduce(c, s_reduce[name], withEpsilon: name is "ReduceL1" or "ReduceL2"))
        .Add("ArgMax", c => Arg(c, "odla_ArgMax"))
        .Add("ArgMin", c => Arg(c, "odla_ArgMin"));

    private static bool Reduce(LoweringContext c, string function, bool withEpsilon)
    {
        int rank = c.InputRank(0);
        ImmutableArray<long>? axes = c.Ints("axes");
        if (c.HasInput(1))
        {
            // ONNX: an axes operand of static size 0 is empty, whatever produces it.
            if ((c.InputShape(1) is [0] ? [] : c.ConstantInts(1)) is not { } given)
            {
                return c.Unsupported("the axes input must be a constant; fold it with the standard passes");
            }
            axes = [.. given];
        }
        if (axes is null || axes.Value.IsEmpty)
        {
            if (c.Int("noop_with_empty_axes", 0) != 0)
            {
                return c.Alias(0, 0);
            }
            axes = [.. Enumerable.Range(0, rank).Select(a => (long)a)];
        }
        var normalized = axes.Value.Select(a => LoweringContext.NormalizeAxis(a, rank)).Order().ToArray();
        string epsilon = withEpsilon ? "0.0f, " : "";
        return c.Define(0, $"{function}({c.Value(0)}, {LoweringContext.I(normalized.Length)}, {c.Module.UInt32Array(normalized)}, " +
            $"{LoweringContext.B(c.Int("keepdims", 1) != 0)}, {epsilon}{c.OutputShapeExpression()}, {c.OutputId()})");
    }

    private static bool Arg(LoweringContext c, string function) => c.Define(0,
        $"{function}({c.Value(0)}, {LoweringContext.I(LoweringContext.NormalizeAxis(c.Int("axis", 0), c.InputRank(0)))}, " +
        $"{LoweringContext.B(c.Int("keepdims", 1) != 0)}, {LoweringContext.B(c.Int("select_last_index", 0) != 0)}, " +
        $"{c.OutputTypeExpression()}, {c.OutputId()})");
}
