using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;

namespace Halo.Tests.Operators.Onnx.Tensor;

/// <summary>Builds one-operation graphs at a given opset and reads back the inferred types and diagnostics.</summary>
internal sealed class OpTest
{
    private readonly GraphBuilder _builder;
    private int _next;

    public OpTest(long opset) =>
        _builder = new GraphBuilder(opsets: new Dictionary<string, long> { [""] = opset });

    public GraphBuilder Builder => _builder;

    public ImmutableArray<string> Errors => [.. _builder.Diagnostics.Select(d => d.Id + ": " + d.Message)];

    public bool HasHalo2005 => _builder.Diagnostics.Any(d => d.Id == "HALO2005");

    /// <summary>A graph input; dims are longs (static), strings (symbolic) or null (unknown).</summary>
    public ValueRef Input(ElementType type, params object?[] dims) => _builder.AddInput("x" + _next++, new TensorType(type, ShapeOf(dims)));

    public ValueRef Unranked(ElementType type) => _builder.AddInput("x" + _next++, new TensorType(type, Shape.Unranked));

    public ValueRef Input(IrType type) => _builder.AddInput("x" + _next++, type);

    public ValueRef Ints(params long[] values) => _builder.AddConstant("c" + _next++, TensorData.FromInt64s(values, values.Length));

    public ValueRef Scalar(long value) => _builder.AddConstant("c" + _next++, TensorData.FromInt64s([value]));

    public ValueRef Scalar(float value) => _builder.AddConstant("c" + _next++, TensorData.FromFloats([value]));

    public ValueRef Floats(params float[] values) => _builder.AddConstant("c" + _next++, TensorData.FromFloats(values, values.Length));

    public ValueRef Constant(TensorData data) => _builder.AddConstant("c" + _next++, data);

    public ImmutableArray<IrType> Run(string op, ValueRef[] inputs, int outputs = 1, params (string Name, object Value)[] attributes)
    {
        var values = _builder.AddOp(op, [.. inputs], Attrs(attributes), outputs);
        return [.. values.Select(v => v.Type)];
    }

    public IrType Run1(string op, ValueRef[] inputs, params (string Name, object Value)[] attributes) =>
        Run(op, inputs, 1, attributes)[0];

    public static Shape ShapeOf(params object?[] dims) => Shape.Of(ImmutableArray.CreateRange(dims.Select(d => d switch
    {
        long l => Dimension.Of(l),
        int i => Dimension.Of(i),
        string s => Dimension.Symbolic(s),
        _ => Dimension.Unknown,
    })));

    public static TensorType T(ElementType type, params object?[] dims) => new(type, ShapeOf(dims));

    public static AttributeValue AInts(params long[] values) => AttributeValue.FromInts([.. values]);

    public static AttributeValue AFloats(params float[] values) => AttributeValue.FromFloats([.. values]);

    public static AttributeValue AStrings(params string[] values) => AttributeValue.FromStrings([.. values]);

    public static AttributeMap Attrs(params (string Name, object Value)[] attributes) =>
        AttributeMap.Create(attributes.Select(a => KeyValuePair.Create(a.Name, ToValue(a.Value))));

    private static AttributeValue ToValue(object value) => value switch
    {
        AttributeValue v => v,
        long l => AttributeValue.FromInt(l),
        int i => AttributeValue.FromInt(i),
        float f => AttributeValue.FromFloat(f),
        string s => AttributeValue.FromString(s),
        long[] ls => AttributeValue.FromInts([.. ls]),
        float[] fs => AttributeValue.FromFloats([.. fs]),
        string[] ss => AttributeValue.FromStrings([.. ss]),
        TensorData t => AttributeValue.FromTensor(t),
        Graph g => AttributeValue.FromGraph(g),
        IrType t => AttributeValue.FromType(t),
        _ => throw new ArgumentException("Unsupported attribute value " + value, nameof(value)),
    };

    /// <summary>A subgraph whose outputs have the given types (inputs passed straight through).</summary>
    public static Graph Body(params IrType[] outputs)
    {
        var b = new GraphBuilder();
        for (int i = 0; i < outputs.Length; i++)
        {
            b.AddOutput(b.AddInput("o" + i, outputs[i]));
        }
        return b.Build("body");
    }
}
