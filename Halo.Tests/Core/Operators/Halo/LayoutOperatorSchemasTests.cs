using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators;
using Halo.Core.Operators.Halo;
using Halo.Core.Semantics;
using NUnit.Framework;

namespace Halo.Tests.Core.Operators.Halo;

[TestFixture]
public sealed class LayoutOperatorSchemasTests
{
    private static AttributeMap Layout(string layout, params (string Name, AttributeValue Value)[] more) =>
        AttributeMap.Create([new(HaloOperatorSet.DataLayoutAttribute, AttributeValue.FromString(layout)),
            .. more.Select(m => new KeyValuePair<string, AttributeValue>(m.Name, m.Value))]);

    [Test]
    public void Infer_NhwcConv_GivesChannelLastResult()
    {
        var b = new GraphBuilder();
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 1, 5, 5, 3));
        var w = b.AddInput("w", TensorType.Of(ElementType.Float, 4, 3, 3, 3));

        var y = b.AddOp("Conv", [x, w], Layout(HaloOperatorSet.ChannelLast), domain: HaloOperatorSet.Domain)[0];

        Assert.That(b.Diagnostics, Is.Empty);
        Assert.That(y.Type.ToString(), Is.EqualTo("f32[1,3,3,4]"));
    }

    [Test]
    public void Infer_UnknownLayout_ReportsInferenceError()
    {
        var b = new GraphBuilder();
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 1, 5, 5, 3));

        b.AddOp("GlobalAveragePool", [x], Layout("NCWH"), domain: HaloOperatorSet.Domain);

        Assert.That(b.Diagnostics.Single().Message, Does.Contain("NCWH"));
    }

    [Test]
    public void Evaluate_NhwcMaxPool_EqualsOnnxMaxPoolOfTransposedInput()
    {
        var b = new GraphBuilder();
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 1, 4, 4, 2));
        var kernel = ("kernel_shape", AttributeValue.FromInts([2, 2]));
        b.AddOutput(b.AddOp("MaxPool", [x], Layout(HaloOperatorSet.ChannelLast, kernel, ("strides", AttributeValue.FromInts([2, 2]))),
            domain: HaloOperatorSet.Domain)[0], "y");
        var values = Enumerable.Range(0, 32).Select(i => (float)((i * 7) % 13)).ToArray();

        var y = ReferenceEvaluator.Default.Evaluate(b.Build(), [new TensorValue(TensorData.FromFloats(values, 1, 4, 4, 2))]);

        // Channel c of NHWC element (h, w) is values[(h * 4 + w) * 2 + c]; each 2x2 window's max per channel.
        var expected = new float[8];
        for (int oh = 0; oh < 2; oh++)
        {
            for (int ow = 0; ow < 2; ow++)
            {
                for (int c = 0; c < 2; c++)
                {
                    expected[((oh * 2) + ow) * 2 + c] = new[] { 0, 1 }.SelectMany(dh => new[] { 0, 1 }
                        .Select(dw => values[((((oh * 2) + dh) * 4) + (ow * 2) + dw) * 2 + c])).Max();
                }
            }
        }
        var data = ((TensorValue)y[0]).Data;
        Assert.That(data.Dimensions, Is.EqualTo(ImmutableArray.Create(1L, 2L, 2L, 2L)));
        Assert.That(data.AsSpan<float>().ToArray(), Is.EqualTo(expected));
    }

    [Test]
    public void Evaluate_NhwcAveragePoolWithPads_EqualsTransposedOnnxAveragePool()
    {
        var b = new GraphBuilder();
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 2, 5, 5, 3));
        var window = new[]
        {
            ("kernel_shape", AttributeValue.FromInts([3, 3])), ("pads", AttributeValue.FromInts([1, 1, 1, 1])),
            ("strides", AttributeValue.FromInts([2, 2])), ("count_include_pad", AttributeValue.FromInt(1)),
        };
        b.AddOutput(b.AddOp("AveragePool", [x], Layout(HaloOperatorSet.ChannelLast, window), domain: HaloOperatorSet.Domain)[0], "nhwc");
        var nchw = b.AddOp("Transpose", [x], AttributeMap.Create([new("perm", AttributeValue.FromInts([0, 3, 1, 2]))]))[0];
        var pooled = b.AddOp("AveragePool", [nchw], AttributeMap.Create(window.Select(w => new KeyValuePair<string, AttributeValue>(w.Item1, w.Item2))))[0];
        b.AddOutput(b.AddOp("Transpose", [pooled], AttributeMap.Create([new("perm", AttributeValue.FromInts([0, 2, 3, 1]))]))[0], "onnx");
        var values = Enumerable.Range(0, 150).Select(i => (float)Math.Sin(i)).ToArray();

        var results = ReferenceEvaluator.Default.Evaluate(b.Build(), [new TensorValue(TensorData.FromFloats(values, 2, 5, 5, 3))]);

        Assert.That(b.Diagnostics, Is.Empty);
        Assert.That(results[0].Type.ToString(), Is.EqualTo("f32[2,3,3,3]"));
        Assert.That(ValueComparison.Compare(results[1], results[0], 1e-6, 1e-7), Is.Null);
    }

    [Test]
    public void Registry_Default_HoldsEveryLayoutOperator()
    {
        foreach (string name in HaloOperatorSet.LayoutOperators)
        {
            Assert.That(OperatorRegistry.Default.Contains(HaloOperatorSet.Domain, name), name);
        }
    }
}
