using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Frontends.Diagnostics;
using Halo.Frontends.Onnx.Protos;
using static Halo.Frontends.Onnx.Protos.AttributeProto.Types;

namespace Halo.Frontends.Onnx;

/// <summary>Converts node attributes into an <see cref="AttributeMap"/>; subgraphs are imported through a callback.</summary>
internal static class OnnxAttributeConverter
{
    /// <summary>Imports one subgraph attribute (graph proto, attribute name); null after a diagnostic.</summary>
    public delegate Graph? SubgraphImporter(GraphProto graph, string attributeName);

    /// <summary>The attributes of <paramref name="node"/>; invalid ones are reported and left out.</summary>
    public static AttributeMap Convert(NodeProto node, OnnxReadContext context, ModelLocation location, string nodeDescription,
        SubgraphImporter importSubgraph)
    {
        if (node.Attribute.Count == 0)
        {
            return AttributeMap.Empty;
        }
        var items = new List<KeyValuePair<string, AttributeValue>>(node.Attribute.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in node.Attribute)
        {
            string name = attribute.Name;
            string? problem = string.IsNullOrEmpty(name) ? "attributes must have a name"
                : !seen.Add(name) ? "the node sets it more than once"
                : attribute.HasRefAttrName ? $"it refers to function attribute '{attribute.RefAttrName}' outside a function body"
                : null;
            if (problem is not null)
            {
                context.Report(FrontendDiagnostics.InvalidAttribute, location, name, nodeDescription, problem);
                continue;
            }
            var value = ToValue(attribute, context, location, nodeDescription, importSubgraph);
            if (value is not null)
            {
                items.Add(new(name, value));
            }
        }
        return AttributeMap.Create(items);
    }

    /// <summary>The declared kind, or for old files without <c>type</c>, the kind of the one value field set.</summary>
    public static AttributeType KindOf(AttributeProto a)
    {
        if (a.Type != AttributeType.Undefined)
        {
            return a.Type;
        }
        return a.HasF ? AttributeType.Float : a.HasI ? AttributeType.Int : a.HasS ? AttributeType.String
            : a.T is not null ? AttributeType.Tensor : a.G is not null ? AttributeType.Graph
            : a.SparseTensor is not null ? AttributeType.SparseTensor : a.Tp is not null ? AttributeType.TypeProto
            : a.Floats.Count > 0 ? AttributeType.Floats : a.Ints.Count > 0 ? AttributeType.Ints
            : a.Strings.Count > 0 ? AttributeType.Strings : a.Tensors.Count > 0 ? AttributeType.Tensors
            : a.Graphs.Count > 0 ? AttributeType.Graphs : a.SparseTensors.Count > 0 ? AttributeType.SparseTensors
            : a.TypeProtos.Count > 0 ? AttributeType.TypeProtos : AttributeType.Undefined;
    }

    private static AttributeValue? ToValue(AttributeProto a, OnnxReadContext context, ModelLocation location,
        string nodeDescription, SubgraphImporter importSubgraph)
    {
        string name = a.Name;
        switch (KindOf(a))
        {
            case AttributeType.Float: return AttributeValue.FromFloat(a.F);
            case AttributeType.Int: return AttributeValue.FromInt(a.I);
            case AttributeType.String: return AttributeValue.FromString(a.S.ToStringUtf8());
            case AttributeType.Floats: return AttributeValue.FromFloats([.. a.Floats]);
            case AttributeType.Ints: return AttributeValue.FromInts([.. a.Ints]);
            case AttributeType.Strings: return AttributeValue.FromStrings([.. a.Strings.Select(s => s.ToStringUtf8())]);
            case AttributeType.Tensor when a.T is not null:
                return OnnxTensorConverter.ToTensorData(a.T, context, location, name) is { } t ? AttributeValue.FromTensor(t) : null;
            case AttributeType.SparseTensor when a.SparseTensor is not null:
                return OnnxTensorConverter.ToSparseData(a.SparseTensor, context, location) is { } s ? AttributeValue.FromSparseTensor(s) : null;
            case AttributeType.Graph when a.G is not null:
                return importSubgraph(a.G, name) is { } g ? AttributeValue.FromGraph(g) : null;
            case AttributeType.TypeProto when a.Tp is not null:
                return AttributeValue.FromType(OnnxTypeConverter.ToIrType(a.Tp, name, context, location));
            case AttributeType.Tensors:
                var tensors = a.Tensors.Select(t => OnnxTensorConverter.ToTensorData(t, context, location, name)).ToList();
                return tensors.Contains(null) ? null : AttributeValue.FromTensors([.. tensors.OfType<Halo.Core.IR.TensorData>()]);
            case AttributeType.SparseTensors:
                var sparse = a.SparseTensors.Select(s => OnnxTensorConverter.ToSparseData(s, context, location)).ToList();
                return sparse.Contains(null) ? null : AttributeValue.FromSparseTensors([.. sparse.OfType<SparseTensorData>()]);
            case AttributeType.Graphs:
                var graphs = a.Graphs.Select(g => importSubgraph(g, name)).ToList();
                return graphs.Contains(null) ? null : AttributeValue.FromGraphs([.. graphs.OfType<Graph>()]);
            case AttributeType.TypeProtos:
                return AttributeValue.FromTypes([.. a.TypeProtos.Select(t => OnnxTypeConverter.ToIrType(t, name, context, location))]);
            default:
                context.Report(FrontendDiagnostics.InvalidAttribute, location, name, nodeDescription,
                    $"kind {(int)a.Type} is unknown or its value is missing");
                return null;
        }
    }
}
