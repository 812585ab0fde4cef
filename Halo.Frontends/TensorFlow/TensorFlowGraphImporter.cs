using System.Collections.Immutable;
using Google.Protobuf.Collections;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Frontends.TensorFlow.Operators;
using Halo.Frontends.TensorFlow.Protos;

namespace Halo.Frontends.TensorFlow;

/// <summary>
/// Imports one GraphDef: checks the whole graph first (node names, every unsupported op at once, inputs, cycles),
/// then converts the nodes in topological order through the <see cref="TensorFlowOperatorTable"/> and picks the
/// outputs. One instance per import.
/// </summary>
internal sealed partial class TensorFlowGraphImporter(TensorFlowImportContext context, TensorFlowOperatorTable table)
{
    private readonly TensorFlowGraphState _state = new();
    private readonly Dictionary<string, int> _indexByName = new(StringComparer.Ordinal);

    /// <summary>The graph, or null when an error was reported.</summary>
    public Graph? Import(GraphDef graph, IReadOnlyList<string>? outputs)
    {
        var nodes = graph.Node;
        IndexNodes(nodes);
        ReportUnsupportedOperators(nodes);
        var edges = ResolveEdges(nodes);
        if (context.Diagnostics.HasErrors || Sort(nodes, edges) is not { } order)
        {
            return null;
        }
        var produced = new ImmutableArray<ValueRef>?[nodes.Count];
        foreach (int i in order)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            produced[i] = ConvertNode(nodes[i], i, edges[i], produced);
        }
        if (context.Diagnostics.HasErrors)
        {
            return null;
        }
        var graphOutputs = outputs is null ? SinkOutputs(nodes, edges, produced) : RequestedOutputs(outputs, produced);
        if (graphOutputs is null)
        {
            return null;
        }
        return Graph.Create("main", _state.Inputs.ToImmutable(), graphOutputs.Value, _state.ValueNames.ToImmutable(),
            _state.NodeNames.ToImmutable(), _state.Locations.ToImmutable());
    }

    private ImmutableArray<ValueRef>? ConvertNode(NodeDef node, int index, List<TensorFlowInputReference> edges,
        ImmutableArray<ValueRef>?[] produced)
    {
        var location = context.NodeLocation(node.Name, node.Op, index);
        var inputs = ImmutableArray.CreateBuilder<ValueRef>(edges.Count);
        foreach (var edge in edges)
        {
            if (produced[_indexByName[edge.NodeName]] is not { } values)
            {
                return null; // The producer failed and was reported.
            }
            if (edge.OutputIndex >= values.Length)
            {
                context.Report(TensorFlowDiagnostics.MissingInput, location,
                    TensorFlowInputReference.ValueName(edge.NodeName, edge.OutputIndex),
                    TensorFlowImportContext.Describe(node.Name, node.Op, index), $"node '{edge.NodeName}' has {values.Length} output(s)");
                return null;
            }
            inputs.Add(values[edge.OutputIndex]);
        }
        table.TryGetConverter(node.Op, out var converter);
        int reported = context.Diagnostics.Count;
        var outputs = converter!(new TensorFlowNodeContext(context, _state, node, index, inputs.MoveToImmutable()));
        if (outputs is { } results)
        {
            NameOutputs(node.Name, results);
        }
        else if (context.Diagnostics.Count == reported)
        {
            // A converter must say why it failed; never let a node vanish silently.
            context.Report(CoreDiagnostics.InternalError, location, "the TensorFlow converter of " + node.Op, "it failed without a diagnostic");
        }
        return outputs;
    }

    /// <summary>Output k is named <c>node:k</c> (<c>node</c> for 0); the operation producing output 0 takes the
    /// node's name.</summary>
    private void NameOutputs(string nodeName, ImmutableArray<ValueRef> results)
    {
        for (int k = results.Length - 1; k >= 0; k--)
        {
            _state.ValueNames[results[k]] = TensorFlowInputReference.ValueName(nodeName, k);
        }
        if (results.Length > 0 && results[0].Producer is GreenOp op)
        {
            _state.NodeNames[op] = nodeName;
        }
    }

    private ImmutableArray<ValueRef>? SinkOutputs(RepeatedField<NodeDef> nodes, List<TensorFlowInputReference>[] edges,
        ImmutableArray<ValueRef>?[] produced)
    {
        var consumed = new HashSet<string>(edges.SelectMany(e => e).Select(e => e.NodeName), StringComparer.Ordinal);
        var outputs = ImmutableArray.CreateBuilder<ValueRef>();
        for (int i = 0; i < nodes.Count; i++)
        {
            if (!consumed.Contains(nodes[i].Name) && nodes[i].Op is not ("Const" or "NoOp" or "Placeholder") && produced[i] is { } values)
            {
                outputs.AddRange(values);
            }
        }
        if (outputs.Count == 0)
        {
            context.Report(TensorFlowDiagnostics.NoOutputs, context.FileLocation);
            return null;
        }
        return outputs.ToImmutable();
    }

    private ImmutableArray<ValueRef>? RequestedOutputs(IReadOnlyList<string> names, ImmutableArray<ValueRef>?[] produced)
    {
        var outputs = ImmutableArray.CreateBuilder<ValueRef>(names.Count);
        foreach (string name in names)
        {
            if (TensorFlowInputReference.TryParse(name, out var reference) && !reference.IsControl
                && _indexByName.TryGetValue(reference.NodeName, out int index)
                && produced[index] is { } values && reference.OutputIndex < values.Length)
            {
                outputs.Add(values[reference.OutputIndex]);
            }
            else
            {
                context.Report(TensorFlowDiagnostics.UnknownOutput, context.FileLocation, name);
            }
        }
        return context.Diagnostics.HasErrors ? null : outputs.MoveToImmutable();
    }
}
