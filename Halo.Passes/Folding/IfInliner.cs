using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Green;

namespace Halo.Passes.Folding;

/// <summary>
/// Replaces an If whose condition is a constant by the nodes of the branch it takes: the branch's captures become
/// the outer values they name, and every inlined operation is settled by the folder (re-inferred, folded, nested
/// constant Ifs inlined). A branch that would keep an operation with a subgraph is not inlined: that subgraph
/// would capture branch-local values by names the enclosing graph does not define.
/// </summary>
/// <param name="folder">The folder that settles the inlined operations.</param>
internal sealed class IfInliner(ConstantFolder folder)
{
    /// <summary>The branch an ONNX If with a constant condition takes, or null.</summary>
    public static Graph? TakenBranch(GreenOp op)
    {
        if (op.Operator.Domain.Length != 0 || op.Operator.Name != "If" || op.Inputs.Length != 1
            || op.Inputs[0].Producer is not GreenConstant { Data: { ElementCount: 1 } data }
            || TensorValues.ToInt64Array(data) is not [long condition])
        {
            return null;
        }
        string name = condition != 0 ? "then_branch" : "else_branch";
        return op.Attributes.TryGetValue(name, out var value) && value.Subgraphs is [var branch] ? branch : null;
    }

    /// <summary>The values that replace the If's outputs, or default when the branch cannot be inlined.</summary>
    /// <param name="op">The If with its current operands.</param>
    /// <param name="originalOp">The If in <paramref name="originalGraph"/> (its captures are named there).</param>
    /// <param name="originalGraph">The graph that holds <paramref name="originalOp"/>.</param>
    /// <param name="branch">The branch taken.</param>
    public ImmutableArray<ValueRef> Inline(GreenOp op, GreenOp originalOp, Graph originalGraph, Graph branch)
    {
        if (!branch.Inputs.IsEmpty || branch.Outputs.Length != op.OutputTypes.Length || op.ImplicitInputs.Length != originalOp.ImplicitInputs.Length)
        {
            return default;
        }
        var outer = new Dictionary<string, ValueRef>(StringComparer.Ordinal);
        for (int i = 0; i < originalOp.ImplicitInputs.Length; i++)
        {
            if (originalGraph.NameOf(originalOp.ImplicitInputs[i]) is { } name)
            {
                outer[name] = op.ImplicitInputs[i];
            }
        }
        var map = new Dictionary<ValueRef, ValueRef>();
        foreach (var green in branch.TopologicalOrder)
        {
            switch (green)
            {
                case GreenCapture capture:
                    if (!outer.TryGetValue(capture.OuterName, out var value))
                    {
                        return default;
                    }
                    map[capture.Output(0)] = value;
                    break;
                case GreenOp inner:
                    var mapped = inner.WithInputs(Map(inner.Inputs, map)).WithImplicitInputs(Map(inner.ImplicitInputs, map));
                    var settled = folder.Settle(mapped, inner, branch);
                    var results = settled.IsDefault ? [.. Enumerable.Range(0, mapped.OutputTypes.Length).Select(mapped.Output)] : settled;
                    if (results.Any(r => r.Producer is GreenOp { } p && p.Attributes.Values.Any(v => !v.Subgraphs.IsEmpty)))
                    {
                        return default;
                    }
                    for (int k = 0; k < results.Length; k++)
                    {
                        map[inner.Output(k)] = results[k];
                    }
                    break;
                default:
                    break;
            }
        }
        return [.. branch.Outputs.Select(o => map.TryGetValue(o, out var n) ? n : o)];
    }

    private static ImmutableArray<ValueRef> Map(ImmutableArray<ValueRef> values, Dictionary<ValueRef, ValueRef> map) =>
        [.. values.Select(v => !v.IsNone && map.TryGetValue(v, out var n) ? n : v)];
}
