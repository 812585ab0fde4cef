using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>DeformConv (19, 22) over two spatial axes: each kernel tap samples X bilinearly at its offset
/// position (zero outside), scaled by the optional mask.</summary>
internal static class DeformConvKernel
{
    /// <summary>DeformConv.</summary>
    public static void DeformConv(EvaluationContext ctx)
    {
        long[] xd = NnData.Dims(ctx, 0), wd = NnData.Dims(ctx, 1);
        int group = (int)ctx.GetInt("group", 1), offsetGroups = (int)ctx.GetInt("offset_group", 1);
        if (xd.Length != 4 || wd.Length != 4 || group < 1 || offsetGroups < 1 || xd[1] != wd[1] * group
            || wd[0] % group != 0 || xd[1] % offsetGroups != 0)
        {
            ctx.Fail("only 2-D DeformConv is supported; X, W, group and offset_group must agree");
        }
        var window = SlidingWindow.Create(ctx, xd[2..], wd[2..], ceilMode: false);
        long[] strides = SlidingWindow.PerAxis(ctx, "strides", 2, 1), dilations = SlidingWindow.PerAxis(ctx, "dilations", 2, 1);
        long[] pads = SlidingWindow.PerAxis(ctx, "pads", 4, 0);
        int batch = (int)xd[0], channels = (int)xd[1], height = (int)xd[2], width = (int)xd[3];
        int m = (int)wd[0], cg = (int)wd[1], kh = (int)wd[2], kw = (int)wd[3], oh = (int)window.Output[0], ow = (int)window.Output[1];
        int ks = kh * kw, outs = oh * ow, perOffsetGroup = channels / offsetGroups;
        double[] x = NnData.Doubles(ctx, 0), w = NnData.Doubles(ctx, 1), offset = NnData.Doubles(ctx, 2);
        double[]? bias = NnData.OptionalDoubles(ctx, 3), mask = NnData.OptionalDoubles(ctx, 4);
        if (offset.Length != batch * offsetGroups * 2 * ks * outs || (mask is not null && mask.Length != batch * offsetGroups * ks * outs))
        {
            ctx.Fail("offset must be (N, offset_group * 2 * kH * kW, oH, oW) and mask (N, offset_group * kH * kW, oH, oW)");
        }
        long[] yd = [batch, m, oh, ow];
        var y = new double[NnData.Count(ctx, yd)];
        // Sampled input columns per (channel, tap, output position), then a plain grouped convolution.
        var columns = new double[channels * ks * outs];
        for (int n = 0; n < batch; n++)
        {
            for (int c = 0; c < channels; c++)
            {
                int og = c / perOffsetGroup, plane = ((n * channels) + c) * height * width;
                for (int k = 0; k < ks; k++)
                {
                    int offBase = ((n * offsetGroups * ks) + (og * ks) + k) * 2 * outs;
                    for (int o = 0; o < outs; o++)
                    {
                        double sy = (o / ow * strides[0]) - pads[0] + (k / kw * dilations[0]) + offset[offBase + o];
                        double sx = (o % ow * strides[1]) - pads[1] + (k % kw * dilations[1]) + offset[offBase + outs + o];
                        double scale = mask is null ? 1 : mask[((((n * offsetGroups) + og) * ks) + k) * outs + o];
                        columns[(((c * ks) + k) * outs) + o] = scale * Sample(x, plane, height, width, sy, sx);
                    }
                }
            }
            Accumulate(y, columns, w, bias, n, m, group, cg, ks, outs);
        }
        NnData.Set(ctx, 0, y, yd);
    }

    private static void Accumulate(double[] y, double[] columns, double[] w, double[]? bias, int n, int m, int group, int cg, int ks, int outs)
    {
        int mg = m / group;
        for (int oc = 0; oc < m; oc++)
        {
            int g = oc / mg, yBase = ((n * m) + oc) * outs;
            for (int o = 0; o < outs; o++)
            {
                double sum = bias?[oc] ?? 0;
                for (int c = 0; c < cg; c++)
                {
                    for (int k = 0; k < ks; k++)
                    {
                        sum += w[(((oc * cg) + c) * ks) + k] * columns[((((g * cg) + c) * ks) + k) * outs + o];
                    }
                }
                y[yBase + o] = sum;
            }
        }
    }

    /// <summary>Bilinear sample with zero outside the plane.</summary>
    private static double Sample(double[] x, int plane, int height, int width, double sy, double sx)
    {
        if (sy <= -1 || sy >= height || sx <= -1 || sx >= width)
        {
            return 0;
        }
        int y0 = (int)System.Math.Floor(sy), x0 = (int)System.Math.Floor(sx);
        double ly = sy - y0, lx = sx - x0, sum = 0;
        for (int dy = 0; dy < 2; dy++)
        {
            for (int dx = 0; dx < 2; dx++)
            {
                int yy = y0 + dy, xx = x0 + dx;
                if (yy >= 0 && yy < height && xx >= 0 && xx < width)
                {
                    sum += (dy == 0 ? 1 - ly : ly) * (dx == 0 ? 1 - lx : lx) * x[plane + (yy * width) + xx];
                }
            }
        }
        return sum;
    }
}
