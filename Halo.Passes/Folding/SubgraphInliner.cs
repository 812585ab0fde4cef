using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Green;

namespace Halo.Passes.Folding;

/// <summary>
/// Copies the nodes of a subgraph (an If branch, one Loop iteration) into the enclosing graph: its inputs become
/// given values, its captures the outer values they name, and every copied operation is settled by the folder
/// (re-inferred, folded, nested constant control flow inlined). A subgraph that would keep an operation with a
/// subgraph of its own is not inlined: that one would capture subgraph-local values by names the enclosing graph
/// does not define.
/// </summary>
/// <param name="folder">The folder that settles the copied operations.</param>
internal sealed class SubgraphInliner(ConstantFolder folder)
{
    /// <summary>The folder that settles the copied operations.</summary>
    public ConstantFolder Folder => folder;

    /// <summary>The outer values the captures of <paramref name="originalOp"/>'s subgraphs name: its implicit inputs
    /// (as they are now, <paramref name="op"/>) by their names in <paramref name="originalGraph"/>.</summary>
    public static Dictionary<string, ValueRef>? CapturedValues(GreenOp op, GreenOp originalOp, Graph originalGraph)
    {
        if (op.ImplicitInputs.Length != originalOp.ImplicitInputs.Length)
        {
            return null;
        }
        var outer = new Dictionary<string, ValueRef>(StringComparer.Ordinal);
        for (int i = 0; i < originalOp.ImplicitInputs.Length; i++)
        {
            if (originalGraph.NameOf(originalOp.ImplicitInputs[i]) is { } name)
            {
                outer[name] = op.ImplicitInputs[i];
            }
        }
        return outer;
    }

    /// <summary>The values of <paramref name="subgraph"/>'s outputs, or default when it cannot be inlined.</summary>
    /// <param name="subgraph">The subgraph.</param>
    /// <param name="inputs">One value per subgraph input.</param>
    /// <param name="outer">The outer values by the names the captures use.</param>
    public ImmutableArray<ValueRef> Inline(Graph subgraph, IReadOnlyList<ValueRef> inputs, IReadOnlyDictionary<string, ValueRef> outer)
    {
        if (subgraph.Inputs.Length != inputs.Count)
        {
            return default;
        }
        var map = new Dictionary<ValueRef, ValueRef>();
        for (int i = 0; i < inputs.Count; i++)
        {
            map[subgraph.Inputs[i].Output(0)] = inputs[i];
        }
        foreach (var green in subgraph.TopologicalOrder)
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
                    var settled = folder.Settle(mapped, inner, subgraph);
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
        return [.. subgraph.Outputs.Select(o => map.TryGetValue(o, out var n) ? n : o)];
    }

    private static ImmutableArray<ValueRef> Map(ImmutableArray<ValueRef> values, Dictionary<ValueRef, ValueRef> map) =>
        [.. values.Select(v => !v.IsNone && map.TryGetValue(v, out var n) ? n : v)];
}
