using System.Collections.Immutable;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.Operators;

namespace Halo.Core.Verification;

/// <summary>
/// Checks a graph against the operator registry: every operator known, operand and result counts, types
/// within the type constraints, attributes against their schemas, stored types consistent with inference,
/// and outer values of subgraphs defined by an enclosing graph. Reports diagnostics; never throws on bad
/// input. Acyclicity holds by construction (green nodes only reference nodes that existed before them);
/// frontends detect cycles in files. Thread-safe.
/// </summary>
public sealed class Verifier(OperatorRegistry registry)
{
    /// <summary>A verifier over <see cref="OperatorRegistry.Default"/>.</summary>
    public static Verifier Default { get; } = new(OperatorRegistry.Default);

    /// <summary>Verifies <paramref name="model"/>'s graph and all its subgraphs.</summary>
    public ImmutableArray<Diagnostic> Verify(HaloModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Verify(model.Graph, model.SourcePath);
    }

    /// <summary>Verifies <paramref name="graph"/> and all its subgraphs; <paramref name="filePath"/> is put in locations.</summary>
    public ImmutableArray<Diagnostic> Verify(Graph graph, string? filePath = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var bag = new DiagnosticBag();
        // Worklist over (graph, names visible from enclosing graphs, subgraph path): no recursion.
        var work = new Stack<(Graph Graph, ImmutableHashSet<string> Outer, string? Path)>();
        work.Push((graph, ImmutableHashSet.Create<string>(StringComparer.Ordinal), null));
        while (work.Count > 0)
        {
            var (g, outer, path) = work.Pop();
            var visible = outer.Union(g.ValueNames.Values);
            foreach (var green in g.TopologicalOrder)
            {
                var location = LocationOf(g, green, filePath, path);
                switch (green)
                {
                    case GreenCapture capture when !outer.Contains(capture.OuterName):
                        bag.Report(CoreDiagnostics.UnresolvedCapture, location, capture.OuterName);
                        break;
                    case GreenOp op:
                        new NodeChecker(registry, bag, op, location).Check();
                        foreach (var (attrName, value) in op.Attributes)
                        {
                            foreach (var sub in value.Subgraphs)
                            {
                                string name = location.NodeName ?? op.Operator.Name;
                                work.Push((sub, visible, (path is null ? string.Empty : path + "/") + name + "." + attrName));
                            }
                        }
                        break;
                    default:
                        break;
                }
            }
        }
        return bag.ToImmutable();
    }

    private static ModelLocation LocationOf(Graph graph, GreenNode node, string? filePath, string? path)
    {
        var location = graph.LocationOf(node);
        return location with
        {
            FilePath = location.FilePath ?? filePath,
            NodeName = location.NodeName ?? graph.NodeNameOf(node) ?? (node is GreenOp ? null : graph.NameOf(node.Output(0))),
            Operator = location.Operator ?? (node as GreenOp)?.Operator.Name,
            NodeIndex = location.NodeIndex >= 0 ? location.NodeIndex : graph.GetNode(node).Index,
            SubgraphPath = location.SubgraphPath ?? path,
        };
    }
}
