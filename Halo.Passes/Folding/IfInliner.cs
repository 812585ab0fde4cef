using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Green;

namespace Halo.Passes.Folding;

/// <summary>Replaces an ONNX If whose condition is a constant by the nodes of the branch it takes.</summary>
internal static class IfInliner
{
    /// <summary>The values that replace the If's outputs, or default when <paramref name="op"/> is no If with a
    /// constant condition or its branch cannot be inlined.</summary>
    /// <param name="inliner">Copies the branch.</param>
    /// <param name="op">The operation with its current operands.</param>
    /// <param name="originalOp">The operation in <paramref name="originalGraph"/> (its captures are named there).</param>
    /// <param name="originalGraph">The graph that holds <paramref name="originalOp"/>.</param>
    public static ImmutableArray<ValueRef> TryInline(SubgraphInliner inliner, GreenOp op, GreenOp originalOp, Graph originalGraph)
    {
        if (op.Operator.Domain.Length != 0 || op.Operator.Name != "If" || op.Inputs.Length != 1
            || ConstantScalar(op.Inputs[0]) is not long condition
            || !op.Attributes.TryGetValue(condition != 0 ? "then_branch" : "else_branch", out var value) || value.Subgraphs is not [var branch]
            || branch.Outputs.Length != op.OutputTypes.Length
            || SubgraphInliner.CapturedValues(op, originalOp, originalGraph) is not { } outer)
        {
            return default;
        }
        return inliner.Inline(branch, [], outer);
    }

    /// <summary>The value of a constant one-element integer or bool operand, or null.</summary>
    public static long? ConstantScalar(ValueRef value) =>
        value.Producer is GreenConstant { Data: { ElementCount: 1 } data } && TensorValues.ToInt64Array(data) is [long v] ? v : null;
}
