using System.Collections.Immutable;
using Halo.Core.IR.Green;

namespace Halo.Frontends.TensorFlow.Operators;

/// <summary>MatMul (transpose_a, transpose_b) and BatchMatMul/V2/V3 (adj_x, adj_y) as ONNX MatMul with Transposes
/// of the last two axes where asked.</summary>
internal static class MatMulConverters
{
    public static void Register(Dictionary<string, TensorFlowOpConverter> table)
    {
        table["MatMul"] = node => Convert(node, "transpose_a", "transpose_b");
        foreach (string op in new[] { "BatchMatMul", "BatchMatMulV2", "BatchMatMulV3" })
        {
            table[op] = node => Convert(node, "adj_x", "adj_y");
        }
    }

    private static ImmutableArray<ValueRef>? Convert(TensorFlowNodeContext node, string transposeA, string transposeB)
    {
        bool? ta = node.Bool(transposeA, false);
        bool? tb = node.Bool(transposeB, false);
        if (!node.ExpectInputs(2) || ta is null || tb is null)
        {
            return null;
        }
        var a = ta.Value ? SwapLastAxes(node, 0) : node.Inputs[0];
        var b = tb.Value ? SwapLastAxes(node, 1) : node.Inputs[1];
        return a.IsNone || b.IsNone ? null : [node.Emit("MatMul", [a, b])];
    }

    private static ValueRef SwapLastAxes(TensorFlowNodeContext node, int input)
    {
        if (node.RequireRank(input, "to transpose it") is not { } rank)
        {
            return ValueRef.None;
        }
        if (rank < 2)
        {
            node.Report(TensorFlowDiagnostics.UnsupportedOperand, input, node.Description, node.InputType(input), "a matrix operand needs rank 2 or more");
            return ValueRef.None;
        }
        long[] perm = [.. Enumerable.Range(0, rank - 2).Select(i => (long)i), rank - 1, rank - 2];
        return LayoutHelpers.Transpose(node, node.Inputs[input], perm);
    }
}
