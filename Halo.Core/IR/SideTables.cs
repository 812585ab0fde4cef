using System.Collections.Immutable;
using Halo.Core.IR.Green;

namespace Halo.Core.IR;

/// <summary>Carries names and locations from a graph to its rewritten version, and drops entries of nodes that left it.</summary>
internal static class SideTables
{
    public static Graph Carry(Graph before, Graph after, List<(GreenNode Old, ImmutableArray<ValueRef> New)> replacements)
    {
        var valueNames = before.ValueNames.ToBuilder();
        var nodeNames = before.NodeNames.ToBuilder();
        var locations = before.Locations.ToBuilder();
        var oldNodes = before.TopologicalOrder.ToHashSet();
        // PERF: one visited set for all replacements keeps this linear when replacements chain.
        var seen = new HashSet<GreenNode>();
        foreach (var (old, replacement) in replacements)
        {
            for (int i = 0; i < replacement.Length; i++)
            {
                var oldValue = old.Output(i);
                if (valueNames.TryGetValue(oldValue, out string? name) && !valueNames.ContainsKey(replacement[i]))
                {
                    valueNames[replacement[i]] = name;
                }
            }
            var location = before.LocationOf(old);
            string? nodeName = before.NodeNameOf(old);
            foreach (var fresh in NewNodesBehind(replacement, oldNodes, seen))
            {
                if (!locations.ContainsKey(fresh) && location != Diagnostics.ModelLocation.None)
                {
                    locations[fresh] = location;
                }
                if (nodeName is not null && fresh is GreenOp && !nodeNames.ContainsKey(fresh))
                {
                    nodeNames[fresh] = nodeName;
                }
            }
        }
        var live = after.TopologicalOrder.ToHashSet();
        foreach (var key in valueNames.Keys.Where(k => k.Producer is null || !live.Contains(k.Producer)).ToList())
        {
            valueNames.Remove(key);
        }
        foreach (var key in nodeNames.Keys.Where(k => !live.Contains(k)).ToList())
        {
            nodeNames.Remove(key);
        }
        foreach (var key in locations.Keys.Where(k => !live.Contains(k)).ToList())
        {
            locations.Remove(key);
        }
        return after.WithSideTables(valueNames.ToImmutable(), nodeNames.ToImmutable(), locations.ToImmutable());
    }

    /// <summary>Nodes reachable backwards from <paramref name="roots"/> that were not in the old graph and not yet attributed.</summary>
    private static List<GreenNode> NewNodesBehind(ImmutableArray<ValueRef> roots, HashSet<GreenNode> oldNodes, HashSet<GreenNode> seen)
    {
        var result = new List<GreenNode>();
        var stack = new Stack<GreenNode>(roots.Where(r => r.Producer is not null).Select(r => r.Producer!));
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (oldNodes.Contains(n) || !seen.Add(n))
            {
                continue;
            }
            result.Add(n);
            foreach (var input in n.Dependencies)
            {
                if (input.Producer is { } p)
                {
                    stack.Push(p);
                }
            }
        }
        return result;
    }
}
