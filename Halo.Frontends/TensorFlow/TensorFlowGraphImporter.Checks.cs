using Google.Protobuf.Collections;
using Halo.Frontends.TensorFlow.Protos;

namespace Halo.Frontends.TensorFlow;

internal sealed partial class TensorFlowGraphImporter
{
    /// <summary>Indexes nodes by name; an empty or repeated name is reported (HALO1104).</summary>
    private void IndexNodes(RepeatedField<NodeDef> nodes)
    {
        for (int i = 0; i < nodes.Count; i++)
        {
            string name = nodes[i].Name;
            string? problem = name.Length == 0 ? "every node needs a name"
                : name.Contains(':', StringComparison.Ordinal) || name[0] == '^' ? "names must not contain ':' or start with '^'"
                : !_indexByName.TryAdd(name, i) ? $"node #{_indexByName[name]} has the same name"
                : null;
            if (problem is not null)
            {
                context.Report(TensorFlowDiagnostics.InvalidNodeName, context.NodeLocation(name, nodes[i].Op, i), i, nodes[i].Op, name, problem);
            }
        }
    }

    /// <summary>Reports every node whose op has no converter (HALO1101), before anything is converted.</summary>
    private void ReportUnsupportedOperators(RepeatedField<NodeDef> nodes)
    {
        for (int i = 0; i < nodes.Count; i++)
        {
            if (!table.TryGetConverter(nodes[i].Op, out _))
            {
                context.Report(TensorFlowDiagnostics.UnsupportedOperator, context.NodeLocation(nodes[i].Name, nodes[i].Op, i), nodes[i].Op);
            }
        }
    }

    /// <summary>The data inputs of every node; control inputs (<c>^node</c>) are dropped. An input that names no
    /// node, or is malformed, is reported (HALO1102).</summary>
    private List<TensorFlowInputReference>[] ResolveEdges(RepeatedField<NodeDef> nodes)
    {
        var edges = new List<TensorFlowInputReference>[nodes.Count];
        for (int i = 0; i < nodes.Count; i++)
        {
            edges[i] = [];
            foreach (string input in nodes[i].Input)
            {
                string? problem = !TensorFlowInputReference.TryParse(input, out var reference) ? "it is not 'node', 'node:k' or '^node'"
                    : !_indexByName.ContainsKey(reference.NodeName) ? $"no node is named '{reference.NodeName}'"
                    : null;
                if (problem is not null)
                {
                    context.Report(TensorFlowDiagnostics.MissingInput, context.NodeLocation(nodes[i].Name, nodes[i].Op, i), input,
                        TensorFlowImportContext.Describe(nodes[i].Name, nodes[i].Op, i), problem);
                }
                else if (!reference.IsControl)
                {
                    edges[i].Add(reference);
                }
            }
        }
        return edges;
    }

    /// <summary>Kahn's algorithm over data edges (iterative: graphs may be deep chains); the nodes left over are
    /// on or behind a cycle, which is reported once (HALO1103).</summary>
    private List<int>? Sort(RepeatedField<NodeDef> nodes, List<TensorFlowInputReference>[] edges)
    {
        var pending = new int[nodes.Count];
        var users = new List<int>[nodes.Count];
        for (int i = 0; i < nodes.Count; i++)
        {
            users[i] = [];
        }
        for (int i = 0; i < nodes.Count; i++)
        {
            foreach (var edge in edges[i])
            {
                users[_indexByName[edge.NodeName]].Add(i);
                pending[i]++;
            }
        }
        var ready = new Queue<int>(Enumerable.Range(0, nodes.Count).Where(i => pending[i] == 0));
        var order = new List<int>(nodes.Count);
        while (ready.TryDequeue(out int i))
        {
            order.Add(i);
            foreach (int user in users[i])
            {
                if (--pending[user] == 0)
                {
                    ready.Enqueue(user);
                }
            }
        }
        if (order.Count == nodes.Count)
        {
            return order;
        }
        var stuck = Enumerable.Range(0, nodes.Count).Where(i => pending[i] > 0).ToList();
        int first = stuck[0];
        string members = string.Join(", ", stuck.Take(8).Select(i => "'" + nodes[i].Name + "'")) + (stuck.Count > 8 ? ", ..." : string.Empty);
        context.Report(TensorFlowDiagnostics.Cycle, context.NodeLocation(nodes[first].Name, nodes[first].Op, first),
            TensorFlowImportContext.Describe(nodes[first].Name, nodes[first].Op, first), "nodes " + members);
        return null;
    }
}
