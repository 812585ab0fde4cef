using System.Collections.Immutable;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators;
using NUnit.Framework;

namespace Halo.Tests.Operators.Onnx.Math;

/// <summary>Builds one-operation graphs at a given opset and reports the inferred result types and diagnostics.</summary>
internal sealed class MathGraph
{
    private readonly GraphBuilder _builder;
    private int _next;

    public MathGraph(long opset) =>
        _builder = new GraphBuilder(opsets: new Dictionary<string, long> { [""] = opset });

    public ImmutableArray<Diagnostic> Diagnostics => _builder.Diagnostics;

    /// <summary>Ids of the diagnostics reported so far.</summary>
    public IEnumerable<string> DiagnosticIds => _builder.Diagnostics.Select(d => d.Id);

    public ValueRef Input(ElementType type, params Dimension[] dims) =>
        _builder.AddInput("x" + _next++, new TensorType(type, Shape.Of(dims)));

    public ValueRef Input(IrType type) => _builder.AddInput("x" + _next++, type);

    public ValueRef Unranked(ElementType type) => Input(new TensorType(type, Shape.Unranked));

    public ValueRef Ints(params long[] values) => _builder.AddConstant("c" + _next++, TensorData.FromInt64s(values, values.Length));

    public ValueRef Scalar(long value) => _builder.AddConstant("c" + _next++, TensorData.FromInt64s([value]));

    public ImmutableArray<ValueRef> Op(string opType, ValueRef[] inputs, AttributeMap? attributes = null, int outputs = 1) =>
        _builder.AddOp(opType, [.. inputs], attributes, outputs);

    /// <summary>The type of the single result of <paramref name="opType"/>.</summary>
    public IrType Type(string opType, ValueRef[] inputs, AttributeMap? attributes = null) => Op(opType, inputs, attributes)[0].Type;

    public static AttributeMap Attrs(params (string Name, object Value)[] items) =>
        AttributeMap.Create(items.ToDictionary(i => i.Name, i => i.Value switch
        {
            long l => AttributeValue.FromInt(l),
            int n => AttributeValue.FromInt(n),
            float f => AttributeValue.FromFloat(f),
            string s => AttributeValue.FromString(s),
            long[] ls => AttributeValue.FromInts([.. ls]),
            float[] fs => AttributeValue.FromFloats([.. fs]),
            AttributeValue v => v,
            _ => throw new ArgumentException("unsupported attribute value", nameof(items)),
        }));

    /// <summary>The diagnostic ids of one failed shape inference.</summary>
    public static readonly string[] InferenceFailed = ["HALO2005"];

    /// <summary>The schema in force for <paramref name="op"/> at <paramref name="opset"/>; fails the test when none is.</summary>
    public static OperatorSchema Schema(string op, long opset)
    {
        Assert.That(OperatorRegistry.Default.TryResolve("", op, opset, out var schema), Is.True, $"{op} at opset {opset}");
        return schema!;
    }

    /// <summary>The types allowed for type variable <paramref name="name"/> of <paramref name="op"/> at <paramref name="opset"/>.</summary>
    public static IEnumerable<string> Allowed(string op, long opset, string name = "T") =>
        Schema(op, opset).TypeConstraints[name].AllowedTypes;

    public static TensorType Of(ElementType type, params Dimension[] dims) => new(type, Shape.Of(dims));

    public static Dimension Sym(string name) => Dimension.Symbolic(name);
}
