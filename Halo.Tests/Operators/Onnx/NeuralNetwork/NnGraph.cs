using System.Collections.Immutable;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;

namespace Halo.Tests.Operators.Onnx.NeuralNetwork;

/// <summary>Builds one-operation graphs for the NeuralNetwork operator tests.</summary>
internal sealed class NnGraph
{
    private readonly GraphBuilder _builder;
    private int _next;

    public NnGraph(long opset = 22, string domain = "") =>
        _builder = new GraphBuilder(opsets: new Dictionary<string, long> { [domain] = opset });

    public ImmutableArray<Diagnostic> Diagnostics => _builder.Diagnostics;

    public static Dimension Sym(string name) => Dimension.Symbolic(name);

    public static Dimension Unk => Dimension.Unknown;

    public static TensorType F(params long[] dims) => TensorType.Of(ElementType.Float, dims);

    public static TensorType F(params Dimension[] dims) => new(ElementType.Float, Shape.Of(dims));

    public static TensorType T(ElementType type, params long[] dims) => TensorType.Of(type, dims);

    public static TensorType FScalar => new(ElementType.Float, Shape.Scalar);

    public static string[] S(params string[] values) => values;

    public static float[] Fs(params float[] values) => values;

    public static TensorType Unranked(ElementType type = ElementType.Float) => new(type, Shape.Unranked);

    public ValueRef In(IrType type) => _builder.AddInput("x" + _next++, type);

    public ValueRef Ints(params long[] values) => _builder.AddConstant("c" + _next++, TensorData.FromInt64s(values, values.Length));

    public ValueRef Scalar(long value) => _builder.AddConstant("c" + _next++, TensorData.FromInt64s([value]));

    public static ValueRef None => default;

    public ImmutableArray<IrType> Run(string op, ValueRef[] inputs, int outputs = 1, string? domain = null,
        params (string Name, object Value)[] attributes)
    {
        var map = AttributeMap.Create(attributes.Select(a => KeyValuePair.Create(a.Name, ToAttribute(a.Value))));
        return [.. _builder.AddOp(op, [.. inputs], map, outputs, domain).Select(v => v.Type)];
    }

    public IrType Run1(string op, ValueRef[] inputs, params (string Name, object Value)[] attributes) =>
        Run(op, inputs, 1, null, attributes)[0];

    public bool Failed => Diagnostics.Any(d => d.Id == "HALO2005");

    private static AttributeValue ToAttribute(object value) => value switch
    {
        AttributeValue a => a,
        long l => AttributeValue.FromInt(l),
        int i => AttributeValue.FromInt(i),
        float f => AttributeValue.FromFloat(f),
        string s => AttributeValue.FromString(s),
        long[] ls => AttributeValue.FromInts([.. ls]),
        float[] fs => AttributeValue.FromFloats([.. fs]),
        string[] ss => AttributeValue.FromStrings([.. ss]),
        TensorData t => AttributeValue.FromTensor(t),
        _ => throw new ArgumentException("unsupported attribute value", nameof(value)),
    };
}
