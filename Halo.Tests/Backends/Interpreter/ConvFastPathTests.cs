using Halo.Tests.TestSupport;
using NUnit.Framework;
using static Halo.Tests.Backends.Interpreter.InterpreterTestGraphs;

namespace Halo.Tests.Backends.Interpreter;

/// <summary>The Conv paths (1×1 as plain GEMM, im2col + packed GEMM, depthwise) against a naive convolution.</summary>
[TestFixture]
public sealed class ConvFastPathTests
{
    private static void Check(int[] xShape, int[] wShape, NaiveConv.Geometry g, bool withBias)
    {
        float[] x = NaiveConv.RandomValues(xShape.Aggregate(1, (a, b) => a * b), 11);
        float[] w = NaiveConv.RandomValues(wShape.Aggregate(1, (a, b) => a * b), 12);
        float[]? bias = withBias ? NaiveConv.RandomValues(wShape[0], 13) : null;
        var expected = NaiveConv.Run(x, xShape, w, wShape, bias, g, out int[] yShape);
        var attributes = Attrs(("strides", new long[] { g.Stride, g.Stride }), ("pads", new long[] { g.Pad, g.Pad, g.Pad, g.Pad }),
            ("dilations", new long[] { g.Dilation, g.Dilation }), ("group", (long)g.Group));

        var y = Run("Conv", attributes, F(x, xShape), F(w, wShape), bias is null ? null : F(bias, wShape[0]));

        TensorAssert.AllClose(expected, yShape, y, rtol: 1e-4, atol: 1e-4);
    }

    [TestCase(1, 5, 9, 7, false)]
    [TestCase(2, 16, 40, 13, true)]
    [TestCase(1, 3, 70, 1, true)]
    public void Conv_1x1Unstrided_MatchesNaive(int batch, int channels, int filters, int size, bool bias) =>
        Check([batch, channels, size, size], [filters, channels, 1, 1], new NaiveConv.Geometry(Stride: 1), bias);

    [Test]
    public void Conv_1x1Stride2_MatchesNaive() =>
        Check([1, 8, 9, 9], [20, 8, 1, 1], new NaiveConv.Geometry(Stride: 2), withBias: true);

    [TestCase(1, 1, 1, 1)]
    [TestCase(2, 1, 1, 1)]
    [TestCase(1, 2, 1, 1)]
    [TestCase(2, 1, 2, 1)]
    [TestCase(1, 1, 2, 2)]
    public void Conv_3x3WithGroups_MatchesNaive(int stride, int pad, int dilation, int group) =>
        Check([1, 6, 11, 10], [12, 6 / group, 3, 3], new NaiveConv.Geometry(stride, pad, dilation, group), withBias: true);

    [TestCase(1, 1, 1, 3)]
    [TestCase(2, 1, 1, 3)]
    [TestCase(1, 2, 2, 3)]
    [TestCase(2, 0, 1, 5)]
    [TestCase(3, 2, 1, 3)]
    public void Conv_Depthwise_MatchesNaive(int stride, int pad, int dilation, int kernel) =>
        Check([2, 7, 19, 21], [7, 1, kernel, kernel], new NaiveConv.Geometry(stride, pad, dilation, 7), withBias: true);

    [TestCase(1, 1)]
    [TestCase(2, 1)]
    [TestCase(2, 0)]
    [TestCase(2, 2)]
    [TestCase(3, 1)]
    public void Conv_DepthwiseWideRow_UsesVectorsAndTail(int stride, int pad) =>
        Check([1, 3, 5, 53], [3, 1, 3, 3], new NaiveConv.Geometry(stride, pad, 1, 3), withBias: false);

    [Test]
    public void Conv_LargeParallel_MatchesNaive() =>
        Check([1, 16, 30, 30], [40, 16, 3, 3], new NaiveConv.Geometry(1, 1, 1, 1), withBias: true);
}
