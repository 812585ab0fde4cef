using System.Globalization;
using System.Text;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;

namespace Halo.Core.IR.Text;

/// <summary>Writes graphs, types, attributes and tensors into a <see cref="StringBuilder"/>.</summary>
internal sealed class GraphWriter(StringBuilder sb, GraphPrinterOptions options)
{
    public void WriteGraph(Graph graph, int indent)
    {
        // Graph nesting depth is bounded by the model's subgraph nesting, not by its node count.
        var names = GraphPrinter.AssignNames(graph);
        sb.Append("graph ").Append(TextSyntax.Name(graph.Name)).Append('(');
        for (int i = 0; i < graph.Inputs.Length; i++)
        {
            sb.Append(i == 0 ? "%" : ", %").Append(TextSyntax.Name(names[graph.Inputs[i].Output(0)])).Append(" : ");
            WriteType(sb, graph.Inputs[i].Type);
        }
        sb.Append(") -> (");
        sb.AppendJoin(", ", graph.Outputs.Select(o => "%" + TextSyntax.Name(names[o])));
        sb.Append(") {\n");
        foreach (var node in graph.TopologicalOrder)
        {
            if (node is GreenInput)
            {
                continue;
            }
            sb.Append(' ', indent + 2);
            WriteNode(graph, node, names, indent + 2);
            sb.Append('\n');
        }
        sb.Append(' ', indent).Append('}');
        if (indent == 0)
        {
            sb.Append('\n');
        }
    }

    private void WriteNode(Graph graph, GreenNode node, Dictionary<ValueRef, string> names, int indent)
    {
        sb.AppendJoin(", ", Enumerable.Range(0, node.OutputTypes.Length).Select(i => "%" + TextSyntax.Name(names[node.Output(i)])));
        sb.Append(" = ");
        switch (node)
        {
            case GreenConstant { Data: { } data }:
                sb.Append("constant ");
                WriteTensor(data);
                return;
            case GreenConstant { Sparse: { } sparse }:
                sb.Append("constant ");
                WriteSparse(sparse);
                return;
            case GreenCapture capture:
                sb.Append("capture ").Append(TextSyntax.Quote(capture.OuterName)).Append(" : ");
                WriteType(sb, capture.Type);
                return;
            case GreenOp op:
                WriteOp(graph, op, names, indent);
                return;
            default:
                throw new InvalidOperationException($"Unexpected node kind {node.Kind}.");
        }
    }

    private void WriteOp(Graph graph, GreenOp op, Dictionary<ValueRef, string> names, int indent)
    {
        if (op.Operator.Domain.Length > 0)
        {
            sb.Append(TextSyntax.Quote(op.Operator.Domain)).Append("::");
        }
        sb.Append(TextSyntax.Name(op.Operator.Name)).Append('<')
            .Append(op.Operator.SinceVersion.ToString(CultureInfo.InvariantCulture)).Append(">(");
        sb.AppendJoin(", ", op.Inputs.Select(i => i.IsNone ? "_" : "%" + TextSyntax.Name(names[i])));
        sb.Append(')');
        if (!op.ImplicitInputs.IsEmpty)
        {
            sb.Append(" captures(").AppendJoin(", ", op.ImplicitInputs.Select(i => "%" + TextSyntax.Name(names[i]))).Append(')');
        }
        if (op.Attributes.Count > 0)
        {
            sb.Append(" {");
            bool first = true;
            foreach (var (name, value) in op.Attributes)
            {
                sb.Append(first ? string.Empty : ", ").Append(TextSyntax.Name(name)).Append(" = ");
                WriteAttribute(value, indent);
                first = false;
            }
            sb.Append('}');
        }
        if (graph.NodeNameOf(op) is { } nodeName)
        {
            sb.Append(" @").Append(TextSyntax.Quote(nodeName));
        }
        sb.Append(" : ");
        for (int i = 0; i < op.OutputTypes.Length; i++)
        {
            sb.Append(i == 0 ? string.Empty : ", ");
            WriteType(sb, op.OutputTypes[i]);
        }
    }

    private void WriteAttribute(AttributeValue value, int indent)
    {
        switch (value.Kind)
        {
            case AttributeKind.Int: sb.Append(value.AsInt().ToString(CultureInfo.InvariantCulture)); break;
            case AttributeKind.Float: sb.Append(TextSyntax.Float(value.AsFloat(), single: true)); break;
            case AttributeKind.String: sb.Append(TextSyntax.Quote(value.AsString())); break;
            case AttributeKind.Tensor: WriteTensor(value.AsTensor()); break;
            case AttributeKind.SparseTensor: WriteSparse(value.AsSparseTensor()); break;
            case AttributeKind.Graph: WriteGraph(value.AsGraph(), indent); break;
            case AttributeKind.Type: sb.Append("type "); WriteType(sb, value.AsType()); break;
            case AttributeKind.Ints:
                WriteList("ints", value.AsInts(), v => sb.Append(v.ToString(CultureInfo.InvariantCulture)));
                break;
            case AttributeKind.Floats:
                WriteList("floats", value.AsFloats(), v => sb.Append(TextSyntax.Float(v, single: true)));
                break;
            case AttributeKind.Strings: WriteList("strings", value.AsStrings(), v => sb.Append(TextSyntax.Quote(v))); break;
            case AttributeKind.Tensors: WriteList("tensors", value.AsTensors(), WriteTensor); break;
            case AttributeKind.SparseTensors: WriteList("sparse_tensors", value.AsSparseTensors(), WriteSparse); break;
            case AttributeKind.Graphs: WriteList("graphs", value.AsGraphs(), g => WriteGraph(g, indent)); break;
            case AttributeKind.Types: WriteList("types", value.AsTypes(), t => WriteType(sb, t)); break;
            default: throw new InvalidOperationException($"Unexpected attribute kind {value.Kind}.");
        }
    }

    private void WriteList<T>(string kind, IReadOnlyList<T> items, Action<T> write)
    {
        sb.Append(kind).Append('[');
        for (int i = 0; i < items.Count; i++)
        {
            sb.Append(i == 0 ? string.Empty : ", ");
            write(items[i]);
        }
        sb.Append(']');
    }

    public static void WriteType(StringBuilder sb, IrType type)
    {
        switch (type)
        {
            case TensorType t: sb.Append(t.ElementType.GetName()); WriteShape(sb, t.Shape); break;
            case SparseTensorType s: sb.Append("sparse<").Append(s.ElementType.GetName()); WriteShape(sb, s.Shape); sb.Append('>'); break;
            case SequenceType s: sb.Append("seq<"); WriteType(sb, s.ElementType); sb.Append('>'); break;
            case OptionalType o: sb.Append("opt<"); WriteType(sb, o.ElementType); sb.Append('>'); break;
            case MapType m: sb.Append("map<").Append(m.KeyType.GetName()).Append(", "); WriteType(sb, m.ValueType); sb.Append('>'); break;
            default: throw new InvalidOperationException($"Unexpected type {type}.");
        }
    }

    private static void WriteShape(StringBuilder sb, Shape shape)
    {
        if (!shape.IsRanked)
        {
            sb.Append("[*]");
            return;
        }
        sb.Append('[');
        sb.AppendJoin(",", shape.Dimensions.Select(d => d.IsStatic ? d.Value.ToString(CultureInfo.InvariantCulture)
            : d.Symbol is { } s ? TextSyntax.Symbol(s) : "?"));
        sb.Append(']');
    }

    private void WriteTensor(TensorData data)
    {
        WriteType(sb, data.Type);
        sb.Append(' ');
        if (options.ElideConstantsAbove is { } limit && data.ElementCount > limit)
        {
            sb.Append("elided");
            return;
        }
        TensorLiteral.Write(sb, data, options.MaxListedElements);
    }

    private void WriteSparse(SparseTensorData sparse)
    {
        sb.Append("sparse(");
        WriteTensor(sparse.Values);
        sb.Append(", ");
        WriteTensor(sparse.Indices);
        sb.Append(", [");
        sb.AppendJoin(",", sparse.Dimensions.Select(d => d.ToString(CultureInfo.InvariantCulture)));
        sb.Append("])");
    }
}
