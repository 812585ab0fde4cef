using Halo.Backends.Interpreter;
using Halo.Tests.TestSupport;
using NUnit.Framework;
using static Halo.Tests.Backends.Interpreter.InterpreterTestGraphs;

namespace Halo.Tests.Backends.Interpreter;

[TestFixture]
public sealed class ConvKernelTests
{
    private static readonly Tensor s_ones3x3 = F(Enumerable.Repeat(1f, 9).ToArray(), 1, 1, 3, 3);

    [Test]
    public void Conv_OnesKernelWithPadding_SumsNeighbourhoods()
    {
        var y = Run("Conv", Attrs(("pads", new long[] { 1, 1, 1, 1 })), Iota(1, 1, 5, 5), s_ones3x3);
        TensorAssert.AllClose([12, 21, 27, 33, 24, 33, 54, 63, 72, 51, 63, 99, 108, 117, 81, 93, 144, 153, 162, 111, 72, 111, 117, 123, 84],
            [1, 1, 5, 5], y);
    }

    [Test]
    public void Conv_NoPadding_ShrinksOutput()
    {
        var y = Run("Conv", null, Iota(1, 1, 5, 5), s_ones3x3);
        TensorAssert.AllClose([54, 63, 72, 99, 108, 117, 144, 153, 162], [1, 1, 3, 3], y);
    }

    [Test]
    public void Conv_Stride2WithPadding_SkipsPositions()
    {
        var y = Run("Conv", Attrs(("pads", new long[] { 1, 1, 1, 1 }), ("strides", new long[] { 2, 2 })), Iota(1, 1, 5, 5), s_ones3x3);
        TensorAssert.AllClose([12, 27, 24, 63, 108, 81, 72, 117, 84], [1, 1, 3, 3], y);
    }

    [Test]
    public void Conv_Depthwise_ScalesEachChannelAndAddsBias()
    {
        var y = Run("Conv", Attrs(("group", 2L)), Iota(1, 2, 2, 2), F([2, 3], 2, 1, 1, 1), F([1, -1], 2));
        TensorAssert.AllClose([1, 3, 5, 7, 11, 14, 17, 20], [1, 2, 2, 2], y);
    }

    [Test]
    public void Conv_TwoGroups_MixesChannelsWithinGroups()
    {
        var y = Run("Conv", Attrs(("group", 2L)), Iota(1, 4, 1, 2), F([1, 1, 1, -1], 2, 2, 1, 1));
        // out0 = x0 + x1 = [0+2, 1+3]; out1 = x2 - x3 = [4-6, 5-7].
        TensorAssert.AllClose([2, 4, -2, -2], [1, 2, 1, 2], y);
    }

    [Test]
    public void Conv_Dilation2_SamplesSpreadWindow()
    {
        var y = Run("Conv", Attrs(("dilations", new long[] { 2, 2 })), Iota(1, 1, 5, 5), F([1, 1, 1, 1], 1, 1, 2, 2));
        float[] expected = [.. Enumerable.Range(0, 9).Select(p => 20f * (p / 3) + 4 * (p % 3) + 24)];
        TensorAssert.AllClose(expected, [1, 1, 3, 3], y);
    }

    [Test]
    public void Conv_OneDimensional_PadsBothEnds()
    {
        var y = Run("Conv", Attrs(("pads", new long[] { 1, 1 })), F([1, 2, 3, 4, 5], 1, 1, 5), F([1, 0, -1], 1, 1, 3));
        TensorAssert.AllClose([-2, -2, -2, -2, 4], [1, 1, 5], y);
    }

    [TestCase("SAME_UPPER", new float[] { 3, 5, 7, 4 })]
    [TestCase("SAME_LOWER", new float[] { 1, 3, 5, 7 })]
    public void Conv_AutoPadSame_PadsOnTheRightSide(string autoPad, float[] expected)
    {
        var y = Run("Conv", Attrs(("auto_pad", autoPad)), F([1, 2, 3, 4], 1, 1, 4), F([1, 1], 1, 1, 2));
        TensorAssert.AllClose(expected, [1, 1, 4], y);
    }

    [Test]
    public void Conv_ThreeDimensional_SumsCube()
    {
        var ones = Enumerable.Repeat(1f, 8).ToArray();
        var y = Run("Conv", null, F(ones, 1, 1, 2, 2, 2), F(ones, 1, 1, 2, 2, 2));
        TensorAssert.AllClose([8], [1, 1, 1, 1, 1], y);
    }

    [TestCase(1, 1, 1, 0, 1)]
    [TestCase(2, 3, 2, 1, 1)]
    [TestCase(1, 3, 1, 2, 2)]
    [TestCase(4, 3, 2, 1, 1)]
    [TestCase(8, 3, 1, 1, 1)]
    public void Conv_RandomOperands_MatchesNaiveReference(int group, int kernel, int stride, int pad, int dilation)
    {
        var rng = new Random(group * 100 + kernel * 10 + stride);
        int n = 2, c = 8, h = 11, w = 13, m = 24;
        var x = F(Random(rng, n * c * h * w), n, c, h, w);
        var wt = F(Random(rng, m * c / group * kernel * kernel), m, c / group, kernel, kernel);
        var b = F(Random(rng, m), m);
        var attrs = Attrs(("group", (long)group), ("strides", new long[] { stride, stride }), ("pads", new long[] { pad, pad, pad, pad }),
            ("dilations", new long[] { dilation, dilation }));
        var y = Run("Conv", attrs, x, wt, b);
        var expected = NaiveConv(x, wt, b, group, stride, pad, dilation);
        TensorAssert.AllClose(expected, y, 1e-4, 1e-4);
    }

    private static float[] Random(Random rng, int count) => [.. Enumerable.Range(0, count).Select(_ => (float)(rng.NextDouble() * 2 - 1))];

    private static Tensor NaiveConv(Tensor x, Tensor w, Tensor b, int group, int stride, int pad, int dilation)
    {
        int n = x.Shape[0], c = x.Shape[1], h = x.Shape[2], wd = x.Shape[3], m = w.Shape[0], k = w.Shape[2];
        int oh = (h + 2 * pad - dilation * (k - 1) - 1) / stride + 1, ow = (wd + 2 * pad - dilation * (k - 1) - 1) / stride + 1;
        float[] xs = x.ToArray<float>(), ws = w.ToArray<float>(), bs = b.ToArray<float>();
        var y = new float[n * m * oh * ow];
        int cg = c / group, mg = m / group;
        for (int i = 0; i < y.Length; i++)
        {
            int ox = i % ow, oy = i / ow % oh, f = i / (ow * oh) % m, bn = i / (ow * oh * m);
            double sum = bs[f];
            for (int ci = 0; ci < cg; ci++)
            {
                for (int ky = 0; ky < k; ky++)
                {
                    for (int kx = 0; kx < k; kx++)
                    {
                        int iy = oy * stride - pad + ky * dilation, ix = ox * stride - pad + kx * dilation;
                        if (iy >= 0 && iy < h && ix >= 0 && ix < wd)
                        {
                            int channel = f / mg * cg + ci;
                            sum += xs[((bn * c + channel) * h + iy) * wd + ix] * ws[((f * cg + ci) * k + ky) * k + kx];
                        }
                    }
                }
            }
            y[i] = (float)sum;
        }
        return F(y, n, m, oh, ow);
    }
}
