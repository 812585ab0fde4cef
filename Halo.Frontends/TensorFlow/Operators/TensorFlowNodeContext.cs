using System.Collections.Immutable;
using System.Globalization;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators;
using Halo.Frontends.TensorFlow.Protos;

namespace Halo.Frontends.TensorFlow.Operators;

/// <summary>
/// What a converter sees of one NodeDef: its data inputs (already imported), typed attribute readers that report
/// problems with the node's location, and emitters for ONNX-domain operations, constants and graph inputs. Every
/// operation emitted is located at the node; the one producing output 0 is named after it.
/// </summary>
internal sealed partial class TensorFlowNodeContext
{
    private readonly TensorFlowImportContext _import;
    private readonly TensorFlowGraphState _graph;
    private int _emitted;

    public TensorFlowNodeContext(TensorFlowImportContext import, TensorFlowGraphState graph, NodeDef node, int index,
        ImmutableArray<ValueRef> inputs)
    {
        _import = import;
        _graph = graph;
        Node = node;
        Index = index;
        Inputs = inputs;
        Location = import.NodeLocation(node.Name, node.Op, index);
        Description = TensorFlowImportContext.Describe(node.Name, node.Op, index);
    }

    public NodeDef Node { get; }

    /// <summary>The import this node belongs to.</summary>
    public TensorFlowImportContext Import => _import;

    /// <summary>The node's position in the GraphDef.</summary>
    public int Index { get; }

    /// <summary>The data inputs, in order (control inputs are left out).</summary>
    public ImmutableArray<ValueRef> Inputs { get; }

    public ModelLocation Location { get; }

    /// <summary>How messages name the node: <c>node 'MatMul' (MatMul)</c>.</summary>
    public string Description { get; }

    public void Report(DiagnosticDescriptor descriptor, params object?[] arguments) =>
        _import.Report(descriptor, Location, arguments);

    /// <summary>Reports a wrong input count unless there are between <paramref name="min"/> and
    /// <paramref name="max"/> data inputs.</summary>
    public bool ExpectInputs(int min, int max = -1)
    {
        max = max < 0 ? min : max;
        if (Inputs.Length >= min && Inputs.Length <= max)
        {
            return true;
        }
        string expected = min == max ? min.ToString(CultureInfo.InvariantCulture)
            : max == int.MaxValue ? $"at least {min}" : $"{min} to {max}";
        Report(TensorFlowDiagnostics.WrongInputCount, Description, Inputs.Length, expected);
        return false;
    }

    /// <summary>The tensor type of input <paramref name="i"/> (unknown when it is not a tensor).</summary>
    public TensorType InputType(int i) => Inputs[i].Type as TensorType ?? IrType.Unknown;

    /// <summary>The rank of input <paramref name="i"/>, or null after a diagnostic when it is unknown.</summary>
    public int? RequireRank(int i, string why)
    {
        var type = InputType(i);
        if (type.Shape.IsRanked)
        {
            return type.Shape.Rank;
        }
        Report(TensorFlowDiagnostics.UnsupportedOperand, i, Description, type, "its rank must be known " + why);
        return null;
    }

    /// <summary>The integer values of constant input <paramref name="i"/> (int32 or int64, looking through
    /// Identity), or null after a diagnostic.</summary>
    public long[]? ConstantInts(int i, string meaning)
    {
        var data = ConstantInput(i);
        if (data is null || data.ElementType is not (ElementType.Int32 or ElementType.Int64))
        {
            Report(TensorFlowDiagnostics.OperandNotConstant, i, meaning + ", int32 or int64", Description);
            return null;
        }
        return data.ElementType == ElementType.Int32
            ? [.. data.AsSpan<int>().ToArray().Select(v => (long)v)]
            : data.AsSpan<long>().ToArray();
    }

    /// <summary>The data of input <paramref name="i"/> when a constant produces it (directly or through Identity).</summary>
    public TensorData? ConstantInput(int i)
    {
        var producer = Inputs[i].Producer;
        while (producer is GreenOp { Operator.Name: "Identity", Inputs.Length: 1 } identity)
        {
            producer = identity.Inputs[0].Producer;
        }
        return (producer as GreenConstant)?.Data;
    }

    /// <summary>Emits one single-output ONNX operation.</summary>
    public ValueRef Emit(string opType, ImmutableArray<ValueRef> inputs, AttributeMap? attributes = null) =>
        Emit(opType, inputs, attributes, outputCount: 1)[0];

    /// <summary>Emits one ONNX operation (default domain, at <see cref="TensorFlowImporter.OnnxOpset"/>), inferring
    /// its output types; an inference problem is reported (HALO2005) and leaves unknown types.</summary>
    public ImmutableArray<ValueRef> Emit(string opType, ImmutableArray<ValueRef> inputs, AttributeMap? attributes, int outputCount)
    {
        attributes ??= AttributeMap.Empty;
        GreenOp op;
        if (_import.Registry.TryResolve(OperatorId.DefaultDomain, opType, TensorFlowImporter.OnnxOpset, out var schema))
        {
            op = OperatorRegistry.CreateOp(schema, inputs, attributes, outputCount, out var errors);
            foreach (string error in errors)
            {
                Report(CoreDiagnostics.ShapeInferenceFailed, $"{Description} as {opType}", error);
            }
        }
        else
        {
            Report(CoreDiagnostics.UnknownOperator, opType, "ai.onnx", TensorFlowImporter.OnnxOpset);
            op = GreenOp.Create(new OperatorId(OperatorId.DefaultDomain, opType, 0), inputs, attributes,
                [.. Enumerable.Repeat<IrType>(IrType.Unknown, outputCount)]);
        }
        _graph.NodeNames[op] = Node.Name + "/" + opType + "_" + (++_emitted).ToString(CultureInfo.InvariantCulture);
        _graph.Locations[op] = Location;
        return [.. Enumerable.Range(0, outputCount).Select(op.Output)];
    }

    /// <summary>A constant value.</summary>
    public static ValueRef Constant(TensorData data) => new GreenConstant(data).Output(0);

    /// <summary>A 1-D int64 constant (axes, shapes, pads for ONNX operands).</summary>
    public static ValueRef Int64s(params long[] values) => Constant(TensorData.FromInt64s(values, values.Length));

    /// <summary>A new graph input.</summary>
    public ValueRef AddGraphInput(IrType type)
    {
        var input = new GreenInput(type);
        _graph.Inputs.Add(input);
        return input.Output(0);
    }
}
