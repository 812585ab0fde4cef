using System.Collections.Immutable;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;

namespace Halo.Core.IR;

/// <summary>
/// Path-copying rewriter. Visits producers before consumers, maps operands through its memo, rebuilds a
/// node only when an operand (or the node itself) changed and otherwise keeps the same green object; when
/// nothing changes it returns the same <see cref="Graph"/>. Replacements inherit the replaced values'
/// names, and new nodes the location of the node they replace. Not thread-safe; one rewrite at a time.
/// </summary>
public class GraphRewriter
{
    /// <summary>Whether subgraph attributes (If/Loop/Scan bodies) are rewritten too.</summary>
    protected virtual bool RewritesSubgraphs => false;

    /// <summary>
    /// Decides the replacement of one node. <paramref name="updated"/> is the node with its operands already
    /// mapped (the original object when none changed). Return one value per output of the original node to
    /// replace it, or default to keep <paramref name="updated"/>.
    /// </summary>
    protected virtual ImmutableArray<ValueRef> RewriteNode(Node original, GreenNode updated) => default;

    /// <summary>Rewrites <paramref name="graph"/>; the argument stays valid and unchanged.</summary>
    public Graph Rewrite(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var map = new Dictionary<ValueRef, ValueRef>();
        var replacedBy = new List<(GreenNode Old, ImmutableArray<ValueRef> New)>();
        foreach (var green in graph.TopologicalOrder)
        {
            var updated = UpdateOperands(green, map);
            var replacement = RewriteNode(graph.GetNode(green), updated);
            if (replacement.IsDefault)
            {
                if (!ReferenceEquals(updated, green))
                {
                    replacement = [.. Enumerable.Range(0, green.OutputTypes.Length).Select(updated.Output)];
                }
                else
                {
                    continue;
                }
            }
            if (replacement.Length != green.OutputTypes.Length)
            {
                throw new InvalidOperationException($"A replacement must give one value per output ({green.OutputTypes.Length}), not {replacement.Length}.");
            }
            replacedBy.Add((green, replacement));
            for (int i = 0; i < replacement.Length; i++)
            {
                map[green.Output(i)] = replacement[i];
            }
        }
        if (replacedBy.Count == 0)
        {
            return graph;
        }
        var outputs = graph.Outputs.Select(o => map.TryGetValue(o, out var n) ? n : o).ToImmutableArray();
        var rewritten = Graph.Create(graph.Name, graph.Inputs, outputs, graph.ValueNames, graph.NodeNames, graph.Locations);
        return SideTables.Carry(graph, rewritten, replacedBy);
    }

    private GreenNode UpdateOperands(GreenNode green, Dictionary<ValueRef, ValueRef> map)
    {
        if (green is not GreenOp op)
        {
            return green;
        }
        var result = op.WithInputs(Map(op.Inputs, map)).WithImplicitInputs(Map(op.ImplicitInputs, map));
        return RewritesSubgraphs ? result.WithAttributes(RewriteSubgraphAttributes(result.Attributes)) : result;
    }

    /// <summary>The values mapped through the memo; the same array when none changed.</summary>
    private static ImmutableArray<ValueRef> Map(ImmutableArray<ValueRef> values, Dictionary<ValueRef, ValueRef> map)
    {
        ImmutableArray<ValueRef>.Builder? changed = null;
        for (int i = 0; i < values.Length; i++)
        {
            if (!values[i].IsNone && map.TryGetValue(values[i], out var n))
            {
                changed ??= values.ToBuilder();
                changed[i] = n;
            }
        }
        return changed is null ? values : changed.MoveToImmutable();
    }

    private AttributeMap RewriteSubgraphAttributes(AttributeMap attributes)
    {
        var result = attributes;
        foreach (var (name, value) in attributes)
        {
            if (value.Kind == AttributeKind.Graph)
            {
                var g = Rewrite(value.AsGraph());
                if (!ReferenceEquals(g, value.AsGraph()))
                {
                    result = result.SetItem(name, AttributeValue.FromGraph(g));
                }
            }
            else if (value.Kind == AttributeKind.Graphs)
            {
                var gs = value.AsGraphs().Select(Rewrite).ToImmutableArray();
                if (!gs.SequenceEqual(value.AsGraphs()))
                {
                    result = result.SetItem(name, AttributeValue.FromGraphs(gs));
                }
            }
        }
        return result;
    }
}
