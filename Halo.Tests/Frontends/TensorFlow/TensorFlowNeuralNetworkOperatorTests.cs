using Halo.Core.IR;
using Halo.Frontends.TensorFlow.Protos;
using NUnit.Framework;
using static Halo.Tests.Frontends.TensorFlow.TfGraphs;

namespace Halo.Tests.Frontends.TensorFlow;

/// <summary>Conv2D, DepthwiseConv2dNative, pools, BiasAdd and FusedBatchNorm in both data formats, run with the
/// reference semantics and compared with values computed by hand.</summary>
[TestFixture]
public sealed class TensorFlowNeuralNetworkOperatorTests
{
    private static readonly float[] s_image = [1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f];

    private static float[] Run(GraphDef graph, float[] x, params long[] dims) =>
        TfImport.RunFloats(graph, TensorData.FromFloats(x, dims))[0];

    private static GraphDef Conv(string padding, long[] inputDims, float[] filter, long[] filterDims, string format = "NHWC",
        string op = "Conv2D", long[]? strides = null, params (string, AttrValue)[] extra) =>
        Graph(Placeholder("x", Float, inputDims), Const("w", filter, filterDims),
            Node(op, "y", ["x", "w"], [("T", Type(Float)), ("padding", Str(padding)), ("data_format", Str(format)),
                ("strides", Ints(strides ?? [1, 1, 1, 1])), .. extra]));

    [TestCase("VALID", new[] { 12f, 16f, 24f, 28f })]
    [TestCase("SAME", new[] { 12f, 16f, 9f, 24f, 28f, 15f, 15f, 17f, 9f })]
    public void Convert_Conv2DNhwcOnesFilter_SumsWindows(string padding, float[] expected)
    {
        var graph = Conv(padding, [1, 3, 3, 1], [1f, 1f, 1f, 1f], [2, 2, 1, 1]);

        Assert.That(Run(graph, s_image, 1, 3, 3, 1), Is.EqualTo(expected));
    }

    [Test]
    public void Convert_Conv2DExplicitPadding_PadsBeforeAndAfter()
    {
        // One zero row on top only: windows over rows (-1,0) and (0,1), (1,2).
        var graph = Conv("EXPLICIT", [1, 3, 3, 1], [1f, 1f, 1f, 1f], [2, 2, 1, 1], extra: ("explicit_paddings", Ints(0, 0, 1, 0, 0, 0, 0, 0)));

        Assert.That(Run(graph, s_image, 1, 3, 3, 1), Is.EqualTo(new[] { 3f, 5f, 12f, 16f, 24f, 28f }));
    }

    [Test]
    public void Convert_Conv2DHwioFilter_MapsInputAndOutputChannels()
    {
        // 1x1 kernel, 2 input channels, 3 output channels: y_o = a * w[0,o] + b * w[1,o].
        var graph = Conv("VALID", [1, 1, 1, 2], [1f, 2f, 3f, 4f, 5f, 6f], [1, 1, 2, 3]);

        Assert.That(Run(graph, [1f, 10f], 1, 1, 1, 2), Is.EqualTo(new[] { 41f, 52f, 63f }));
    }

    [Test]
    public void Convert_Conv2DNchwWithStride_NeedsNoTransposeOfData()
    {
        var graph = Conv("VALID", [1, 1, 3, 3], [1f, 1f, 1f, 1f], [2, 2, 1, 1], format: "NCHW", strides: [1, 1, 1, 1]);

        Assert.That(Run(graph, s_image, 1, 1, 3, 3), Is.EqualTo(new[] { 12f, 16f, 24f, 28f }));
    }

    [Test]
    public void Convert_DepthwiseConv2dWithMultiplier_GivesChannelTimesMultiplierOutputs()
    {
        // Channels a, b; multiplier 2: outputs a*w00, a*w01, b*w10, b*w11.
        var graph = Conv("VALID", [1, 1, 1, 2], [1f, 2f, 3f, 4f], [1, 1, 2, 2], op: "DepthwiseConv2dNative");

        Assert.That(Run(graph, [1f, 10f], 1, 1, 1, 2), Is.EqualTo(new[] { 1f, 2f, 30f, 40f }));
    }

    [Test]
    public void Convert_MaxPoolValid_TakesWindowMaximum()
    {
        var graph = Graph(Placeholder("x", Float, 1, 3, 3, 1), Node("MaxPool", "y", ["x"],
            ("ksize", Ints(1, 2, 2, 1)), ("strides", Ints(1, 1, 1, 1)), ("padding", Str("VALID"))));

        Assert.That(Run(graph, s_image, 1, 3, 3, 1), Is.EqualTo(new[] { 5f, 6f, 8f, 9f }));
    }

    [Test]
    public void Convert_AvgPoolSame_AveragesOnlyCellsInsideTheImage()
    {
        var graph = Graph(Placeholder("x", Float, 1, 3, 3, 1), Node("AvgPool", "y", ["x"],
            ("ksize", Ints(1, 2, 2, 1)), ("strides", Ints(1, 2, 2, 1)), ("padding", Str("SAME"))));

        Assert.That(Run(graph, s_image, 1, 3, 3, 1), Is.EqualTo(new[] { 3f, 4.5f, 7.5f, 9f }));
    }

    [TestCase("NHWC", new long[] { 1, 1, 2, 2 }, new[] { 11f, 22f, 13f, 24f })]
    [TestCase("NCHW", new long[] { 1, 2, 1, 2 }, new[] { 11f, 12f, 23f, 24f })]
    public void Convert_BiasAdd_AddsAlongChannelAxisOfDataFormat(string format, long[] dims, float[] expected)
    {
        var graph = Graph(Placeholder("x", Float, dims), Const("b", [10f, 20f], 2),
            Node("BiasAdd", "y", ["x", "b"], ("data_format", Str(format))));

        Assert.That(Run(graph, [1f, 2f, 3f, 4f], dims), Is.EqualTo(expected));
    }

    [Test]
    public void Convert_FusedBatchNormV3Nhwc_NormalizesPerChannel()
    {
        // y = scale * (x - mean) / sqrt(var + eps) + offset per channel (last axis).
        var graph = Graph(Placeholder("x", Float, 1, 1, 2, 2), Const("scale", [2f, 1f], 2), Const("offset", [0f, 1f], 2),
            Const("mean", [1f, 0f], 2), Const("var", [4f, 1f], 2),
            Node("FusedBatchNormV3", "bn", ["x", "scale", "offset", "mean", "var"], ("epsilon", Float32(0f)), ("is_training", Bool(false))));

        Assert.That(Run(graph, [3f, 2f, 5f, -1f], 1, 1, 2, 2), Is.EqualTo(new[] { 2f, 3f, 4f, 0f }).Within(1e-6f));
    }
}
