using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Green;

namespace Halo.Passes.Shapes;

/// <summary>Replaces values of a graph by others (a graph input by a retyped one, an intermediate value by a new
/// graph input); consumers are rebuilt by path copying and producers left without users drop out.</summary>
/// <param name="replacements">Old value → new value.</param>
internal sealed class ValueReplacer(IReadOnlyDictionary<ValueRef, ValueRef> replacements) : GraphRewriter
{
    protected override ImmutableArray<ValueRef> RewriteNode(Node original, GreenNode updated)
    {
        var green = original.Green;
        var result = ImmutableArray.CreateBuilder<ValueRef>(green.OutputTypes.Length);
        bool replaced = false;
        for (int i = 0; i < green.OutputTypes.Length; i++)
        {
            if (replacements.TryGetValue(green.Output(i), out var value))
            {
                replaced = true;
                result.Add(value);
            }
            else
            {
                result.Add(updated.Output(i));
            }
        }
        return replaced ? result.MoveToImmutable() : default;
    }

    /// <summary>Gives <paramref name="graph"/> the inputs <paramref name="inputs"/> and replaces values per
    /// <paramref name="replacements"/>; the new values take the names of the values they replace.</summary>
    public static Graph Replace(Graph graph, ImmutableArray<GreenInput> inputs, IReadOnlyDictionary<ValueRef, ValueRef> replacements)
    {
        var rewritten = new ValueReplacer(replacements).Rewrite(graph.WithInputs(inputs));
        var names = rewritten.ValueNames;
        foreach (var (old, fresh) in replacements)
        {
            if (graph.NameOf(old) is { } name && rewritten.Contains(fresh.Producer!))
            {
                names = names.SetItem(fresh, name);
            }
        }
        return rewritten.WithSideTables(names, rewritten.NodeNames, rewritten.Locations);
    }

    /// <summary>Drops names and locations of nodes that are no longer part of <paramref name="graph"/>.</summary>
    public static Graph Prune(Graph graph)
    {
        var live = graph.TopologicalOrder.ToHashSet();
        var names = graph.ValueNames.RemoveRange(graph.ValueNames.Keys.Where(v => v.Producer is null || !live.Contains(v.Producer)));
        var nodeNames = graph.NodeNames.RemoveRange(graph.NodeNames.Keys.Where(n => !live.Contains(n)));
        var locations = graph.Locations.RemoveRange(graph.Locations.Keys.Where(n => !live.Contains(n)));
        return names.Count == graph.ValueNames.Count && nodeNames.Count == graph.NodeNames.Count && locations.Count == graph.Locations.Count
            ? graph : graph.WithSideTables(names, nodeNames, locations);
    }
}
