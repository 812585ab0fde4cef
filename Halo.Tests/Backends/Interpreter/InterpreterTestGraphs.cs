using System.Collections.Immutable;
using Halo.Backends.Interpreter;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using NUnit.Framework;

namespace Halo.Tests.Backends.Interpreter;

/// <summary>Builds one-node graphs in code and runs them through an <see cref="InferenceSession"/>.</summary>
internal static class InterpreterTestGraphs
{
    /// <summary>Attributes from name/value pairs (long, float, string, long[], float[], TensorData).</summary>
    public static AttributeMap Attrs(params (string Name, object Value)[] items) => AttributeMap.Create(items.Select(i =>
        KeyValuePair.Create(i.Name, i.Value switch
        {
            long v => AttributeValue.FromInt(v),
            int v => AttributeValue.FromInt(v),
            float v => AttributeValue.FromFloat(v),
            string v => AttributeValue.FromString(v),
            long[] v => AttributeValue.FromInts([.. v]),
            float[] v => AttributeValue.FromFloats([.. v]),
            TensorData v => AttributeValue.FromTensor(v),
            _ => throw new ArgumentException("Unsupported attribute value " + i.Value),
        })));

    /// <summary>Runs a single <paramref name="op"/> node whose operands are graph inputs (null = omitted);
    /// returns its outputs in order.</summary>
    public static Tensor[] RunOp(string op, AttributeMap? attributes, int outputCount, params Tensor?[] inputs) =>
        RunOp(op, attributes, outputCount, opset: null, inputs);

    /// <summary>As <see cref="RunOp(string, AttributeMap?, int, Tensor?[])"/> at a given default-domain opset.</summary>
    public static Tensor[] RunOp(string op, AttributeMap? attributes, int outputCount, long? opset, params Tensor?[] inputs)
    {
        var builder = new GraphBuilder(opsets: opset is { } v ? new Dictionary<string, long> { [""] = v } : null);
        var feeds = new Dictionary<string, Tensor>();
        var operands = ImmutableArray.CreateBuilder<ValueRef>();
        for (int i = 0; i < inputs.Length; i++)
        {
            if (inputs[i] is not { } t)
            {
                operands.Add(ValueRef.None);
                continue;
            }
            string name = "in" + i;
            operands.Add(builder.AddInput(name, TensorType.Of(t.ElementType, [.. t.Shape.ToArray().Select(d => (long)d)])));
            feeds[name] = t;
        }
        var outputs = builder.AddOp(op, operands.ToImmutable(), attributes, outputCount, nodeName: "node");
        for (int i = 0; i < outputCount; i++)
        {
            builder.AddOutput(outputs[i], "out" + i);
        }
        var result = InferenceSession.Create(builder.Build(), new InferenceSessionOptions { MaxDegreeOfParallelism = 2 });
        Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics));
        using var session = result.Session!;
        var run = session.Run(feeds);
        return [.. Enumerable.Range(0, outputCount).Select(i => run["out" + i])];
    }

    /// <summary>Single-output shorthand.</summary>
    public static Tensor Run(string op, AttributeMap? attributes, params Tensor?[] inputs) => RunOp(op, attributes, 1, inputs)[0];

    /// <summary>A float tensor.</summary>
    public static Tensor F(float[] values, params int[] shape) => Tensor.Create<float>(values, shape);

    /// <summary>An int64 tensor.</summary>
    public static Tensor L(long[] values, params int[] shape) => Tensor.Create<long>(values, shape);

    /// <summary>0, 1, 2, … as floats.</summary>
    public static Tensor Iota(params int[] shape) =>
        F([.. Enumerable.Range(0, shape.Aggregate(1, (a, b) => a * b)).Select(i => (float)i)], shape);
}
