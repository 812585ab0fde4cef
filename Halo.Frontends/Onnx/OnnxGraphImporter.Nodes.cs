using System.Collections.Immutable;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators;
using Halo.Frontends.Diagnostics;
using Halo.Frontends.Onnx.Protos;

namespace Halo.Frontends.Onnx;

internal sealed partial class OnnxGraphImporter
{
    private const string FormatName = "ONNX";

    /// <summary>Adds the operation of one node: operands, attributes (subgraphs imported in this scope),
    /// the operator resolved at the node's opset, inferred types merged with declared ones, names and location.</summary>
    private void BuildNode(OnnxNodeSite site)
    {
        var node = site.Node;
        var location = SiteLocation(site);
        string description = Describe(site);
        var inputs = ImmutableArray.CreateBuilder<ValueRef>(node.Input.Count);
        foreach (string name in node.Input)
        {
            inputs.Add(Resolve(name, description, location));
        }
        string nodeLabel = string.IsNullOrEmpty(site.DisplayName) ? node.OpType + "#" + site.Index : site.DisplayName;
        var attributes = OnnxAttributeConverter.Convert(node, _context, location, description,
            (graph, attributeName) => ImportSubgraph(graph, nodeLabel + "/" + attributeName, site.Opsets));
        var op = CreateOp(site, inputs.MoveToImmutable(), attributes, location);
        op = MergeDeclaredTypes(op, node, location).WithImplicitInputs(ImplicitInputs(attributes));
        for (int i = 0; i < node.Output.Count; i++)
        {
            string output = node.Output[i];
            if (output.Length > 0 && _scope.TryDefine(output, op.Output(i)))
            {
                _valueNames[op.Output(i)] = output;
            }
        }
        if (!string.IsNullOrEmpty(site.DisplayName))
        {
            _nodeNames[op] = site.DisplayName;
        }
        _locations[op] = location;
    }

    /// <summary>The values of this graph that the subgraphs in <paramref name="attributes"/> capture by name, in
    /// first-use order (captured here in turn when they come from further out).</summary>
    private ImmutableArray<ValueRef> ImplicitInputs(AttributeMap attributes)
    {
        var result = ImmutableArray.CreateBuilder<ValueRef>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var graph in attributes.Values.SelectMany(v => v.Subgraphs))
        {
            foreach (var capture in graph.TopologicalOrder.OfType<GreenCapture>())
            {
                if (seen.Add(capture.OuterName) && _scope.TryResolveForSubgraph(capture.OuterName, out var value))
                {
                    result.Add(value);
                }
            }
        }
        return result.ToImmutable();
    }

    private Graph ImportSubgraph(GraphProto graph, string attributePath, IReadOnlyDictionary<string, long> opsets)
    {
        string path = _subgraphPath is null ? attributePath : _subgraphPath + "/" + attributePath;
        return new OnnxGraphImporter(_context, _scope, path, opsets).Import(graph);
    }

    private GreenOp CreateOp(OnnxNodeSite site, ImmutableArray<ValueRef> inputs, AttributeMap attributes, ModelLocation location)
    {
        var node = site.Node;
        string domain = OperatorId.NormalizeDomain(node.Domain);
        int outputCount = node.Output.Count;
        if (string.IsNullOrEmpty(node.OpType))
        {
            _context.Report(FrontendDiagnostics.MalformedModel, location, _context.FilePath ?? "model", FormatName,
                $"{Describe(site)} has no op_type");
        }
        else if (!site.Opsets.TryGetValue(domain, out long opset))
        {
            _context.Report(FrontendDiagnostics.DomainNotImported, location, Describe(site), domain);
        }
        else if (_context.Registry.TryResolve(domain, node.OpType, opset, out var schema))
        {
            var op = OperatorRegistry.CreateOp(schema, inputs, attributes, outputCount, out var errors);
            foreach (string error in errors)
            {
                // An untaken If branch may be inconsistent for these shapes: a warning inside subgraphs.
                _context.Report(_subgraphPath is null ? CoreDiagnostics.ShapeInferenceFailed : CoreDiagnostics.SubgraphShapeInferenceFailed,
                    location, node.OpType, error);
            }
            return op;
        }
        else
        {
            _context.Report(FrontendDiagnostics.UnsupportedOperator, location, node.OpType,
                domain.Length == 0 ? "ai.onnx" : domain, opset, FormatName);
        }
        var unknown = ImmutableArray.CreateRange(Enumerable.Repeat<IrType>(IrType.Unknown, outputCount));
        return GreenOp.Create(new OperatorId(domain, node.OpType ?? string.Empty, 0), inputs, attributes, unknown);
    }

    /// <summary>Fills what inference left unknown from value_info and graph-output declarations; a declaration
    /// that contradicts an inferred fact is reported (HALO2007) and the inferred type kept.</summary>
    private GreenOp MergeDeclaredTypes(GreenOp op, NodeProto node, ModelLocation location)
    {
        ImmutableArray<IrType>.Builder? merged = null;
        for (int i = 0; i < node.Output.Count && i < op.OutputTypes.Length; i++)
        {
            if (node.Output[i].Length == 0 || !_declared.TryGetValue(node.Output[i], out var declared))
            {
                continue;
            }
            var inferred = op.OutputTypes[i];
            var type = OnnxTypeMerger.Merge(inferred, declared);
            if (type is null)
            {
                _context.Report(CoreDiagnostics.TypeMismatch, location, node.Output[i], declared, inferred);
                continue;
            }
            if (!type.Equals(inferred))
            {
                merged ??= op.OutputTypes.ToBuilder();
                merged[i] = type;
            }
        }
        return merged is null ? op : op.WithOutputTypes(merged.ToImmutable());
    }
}
