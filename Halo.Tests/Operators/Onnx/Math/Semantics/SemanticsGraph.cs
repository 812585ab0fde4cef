using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;
using NUnit.Framework;

namespace Halo.Tests.Operators.Onnx.Math.Semantics;

/// <summary>Evaluates one operation on constant operands with the reference evaluator.</summary>
internal static class SemanticsGraph
{
    /// <summary>The results of <paramref name="opType"/> at <paramref name="opset"/> on <paramref name="operands"/>
    /// (null entries are omitted operands).</summary>
    public static ImmutableArray<TensorData> Run(long opset, string opType, TensorData?[] operands, AttributeMap? attributes = null,
        int outputs = 1)
    {
        var builder = new GraphBuilder(opsets: new Dictionary<string, long> { [""] = opset });
        var inputs = operands.Select((t, i) => t is null ? default : builder.AddConstant("c" + i, t)).ToArray();
        var results = builder.AddOp(opType, [.. inputs], attributes, outputs);
        Assert.That(builder.Diagnostics, Is.Empty, string.Join("; ", builder.Diagnostics));
        foreach (var r in results)
        {
            builder.AddOutput(r);
        }
        var values = ReferenceEvaluator.Default.Evaluate(builder.Build(), []);
        return [.. values.Select(v => ((TensorValue)v).Data)];
    }

    /// <summary>The single result.</summary>
    public static TensorData One(long opset, string opType, TensorData?[] operands, AttributeMap? attributes = null) =>
        Run(opset, opType, operands, attributes)[0];

    public static TensorData F(float[] values, params long[] dims) => TensorData.FromFloats(values, dims);

    public static TensorData L(long[] values, params long[] dims) => TensorData.FromInt64s(values, dims);

    public static TensorData Of<T>(ElementType type, T[] values, params long[] dims)
        where T : unmanaged => TensorData.Create<T>(type, values, dims);

    public static float[] Floats(TensorData t) => t.AsSpan<float>().ToArray();

    public static long[] Longs(TensorData t) => t.AsSpan<long>().ToArray();
}
