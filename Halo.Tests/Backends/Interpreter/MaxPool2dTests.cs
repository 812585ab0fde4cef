using Halo.Tests.TestSupport;
using NUnit.Framework;
using static Halo.Tests.Backends.Interpreter.InterpreterTestGraphs;

namespace Halo.Tests.Backends.Interpreter;

/// <summary>The separable float MaxPool path against a direct window maximum.</summary>
[TestFixture]
public sealed class MaxPool2dTests
{
    private static float[] Naive(float[] x, int c, int h, int w, int k, int s, int pad, out int oh, out int ow)
    {
        oh = (h + 2 * pad - k) / s + 1;
        ow = (w + 2 * pad - k) / s + 1;
        var y = new float[c * oh * ow];
        for (int ch = 0; ch < c; ch++)
        {
            for (int i = 0; i < oh; i++)
            {
                for (int j = 0; j < ow; j++)
                {
                    float best = float.NegativeInfinity;
                    for (int u = 0; u < k; u++)
                    {
                        for (int v = 0; v < k; v++)
                        {
                            int ih = i * s - pad + u, iw = j * s - pad + v;
                            if (ih >= 0 && ih < h && iw >= 0 && iw < w)
                            {
                                best = Math.Max(best, x[(ch * h + ih) * w + iw]);
                            }
                        }
                    }
                    y[(ch * oh + i) * ow + j] = best;
                }
            }
        }
        return y;
    }

    [TestCase(3, 2, 1, 9, 11)]
    [TestCase(2, 2, 0, 8, 8)]
    [TestCase(3, 1, 1, 5, 37)]
    [TestCase(5, 3, 2, 13, 12)]
    public void MaxPool_PaddedStrided_MatchesDirectMaximum(int kernel, int stride, int pad, int h, int w)
    {
        float[] x = NaiveConv.RandomValues(6 * h * w, 41);
        var expected = Naive(x, 6, h, w, kernel, stride, pad, out int oh, out int ow);

        var y = Run("MaxPool", Attrs(("kernel_shape", new long[] { kernel, kernel }), ("strides", new long[] { stride, stride }),
            ("pads", new long[] { pad, pad, pad, pad })), F(x, 1, 6, h, w));

        TensorAssert.AllClose(expected, [1, 6, oh, ow], y, rtol: 0, atol: 0);
    }

    [Test]
    public void MaxPool_NaNInWindow_PropagatesNaN()
    {
        float[] x = [1, 2, float.NaN, 4];

        var y = Run("MaxPool", Attrs(("kernel_shape", new long[] { 2, 2 })), F(x, 1, 1, 2, 2));

        Assert.That(float.IsNaN(y.ToArray<float>()[0]), Is.True);
    }
}
