namespace Halo.Tests.Backends.Interpreter;

/// <summary>A direct, obviously correct 2-D convolution (NCHW, groups, strides, pads, dilations, bias) to check
/// the interpreter's fast paths against.</summary>
internal static class NaiveConv
{
    public readonly record struct Geometry(int Stride = 1, int Pad = 0, int Dilation = 1, int Group = 1);

    public static float[] Run(float[] x, int[] xShape, float[] w, int[] wShape, float[]? bias, Geometry g, out int[] yShape)
    {
        int n = xShape[0], c = xShape[1], h = xShape[2], wd = xShape[3];
        int m = wShape[0], cg = wShape[1], kh = wShape[2], kw = wShape[3], mg = m / g.Group;
        int oh = (h + 2 * g.Pad - ((kh - 1) * g.Dilation + 1)) / g.Stride + 1;
        int ow = (wd + 2 * g.Pad - ((kw - 1) * g.Dilation + 1)) / g.Stride + 1;
        yShape = [n, m, oh, ow];
        var y = new float[n * m * oh * ow];
        for (int b = 0; b < n; b++)
        {
            for (int f = 0; f < m; f++)
            {
                for (int i = 0; i < oh; i++)
                {
                    for (int j = 0; j < ow; j++)
                    {
                        double sum = bias?[f] ?? 0;
                        for (int ci = 0; ci < cg; ci++)
                        {
                            int channel = f / mg * cg + ci;
                            for (int u = 0; u < kh; u++)
                            {
                                for (int v = 0; v < kw; v++)
                                {
                                    int ih = i * g.Stride - g.Pad + u * g.Dilation, iw = j * g.Stride - g.Pad + v * g.Dilation;
                                    if (ih >= 0 && ih < h && iw >= 0 && iw < wd)
                                    {
                                        sum += (double)x[((b * c + channel) * h + ih) * wd + iw] * w[((f * cg + ci) * kh + u) * kw + v];
                                    }
                                }
                            }
                        }
                        y[((b * m + f) * oh + i) * ow + j] = (float)sum;
                    }
                }
            }
        }
        return y;
    }

    public static float[] RandomValues(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1))];
    }
}
