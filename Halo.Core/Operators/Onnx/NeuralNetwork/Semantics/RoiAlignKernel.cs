using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>RoiAlign (10: output_half_pixel; 16+: half_pixel by default): bilinear samples averaged or maxed per bin.</summary>
internal static class RoiAlignKernel
{
    /// <summary>RoiAlign (all versions).</summary>
    public static void RoiAlign(EvaluationContext ctx)
    {
        long[] xd = NnData.Dims(ctx, 0);
        long[] rd = NnData.Dims(ctx, 1);
        long[] batchIndex = NnData.Int64s(ctx, 2);
        if (xd.Length != 4 || rd.Length != 2 || rd[1] != 4 || batchIndex.Length != rd[0])
        {
            ctx.Fail("X must be 4-D, rois (R, 4) and batch_indices (R)");
        }
        bool halfPixel = (ctx.GetString("coordinate_transformation_mode", "output_half_pixel") ?? "") == "half_pixel";
        bool max = (ctx.GetString("mode", "avg") ?? "avg") == "max";
        long oh = ctx.GetInt("output_height", 1), ow = ctx.GetInt("output_width", 1), ratio = ctx.GetInt("sampling_ratio", 0);
        double scale = ctx.GetFloat("spatial_scale", 1), offset = halfPixel ? 0.5 : 0;
        double[] x = NnData.Doubles(ctx, 0), rois = NnData.Doubles(ctx, 1);
        int channels = (int)xd[1], height = (int)xd[2], width = (int)xd[3];
        long[] yd = [rd[0], channels, oh, ow];
        var y = new double[NnData.Count(ctx, yd)];
        for (int r = 0; r < rd[0]; r++)
        {
            if (batchIndex[r] < 0 || batchIndex[r] >= xd[0])
            {
                ctx.Fail($"batch index {batchIndex[r]} is out of range");
            }
            double x1 = (rois[r * 4] * scale) - offset, y1 = (rois[(r * 4) + 1] * scale) - offset;
            double rw = (rois[(r * 4) + 2] * scale) - offset - x1, rh = (rois[(r * 4) + 3] * scale) - offset - y1;
            if (!halfPixel)
            {
                (rw, rh) = (System.Math.Max(rw, 1), System.Math.Max(rh, 1));
            }
            double binH = rh / oh, binW = rw / ow;
            long gridH = ratio > 0 ? ratio : (long)System.Math.Ceiling(rh / oh), gridW = ratio > 0 ? ratio : (long)System.Math.Ceiling(rw / ow);
            for (int c = 0; c < channels; c++)
            {
                int plane = (int)(((batchIndex[r] * channels) + c) * height * width);
                for (long p = 0; p < oh * ow; p++)
                {
                    double acc = 0;
                    bool first = true;
                    for (long iy = 0; iy < gridH; iy++)
                    {
                        double sy = y1 + (p / ow * binH) + ((iy + 0.5) * binH / gridH);
                        for (long ix = 0; ix < gridW; ix++)
                        {
                            double sx = x1 + (p % ow * binW) + ((ix + 0.5) * binW / gridW);
                            double v = Bilinear(x, plane, height, width, sy, sx, max);
                            acc = max ? (first ? v : System.Math.Max(acc, v)) : acc + v;
                            first = false;
                        }
                    }
                    long count = System.Math.Max(gridH * gridW, 1);
                    y[(((long)r * channels + c) * oh * ow) + p] = max ? acc : acc / count;
                }
            }
        }
        NnData.Set(ctx, 0, y, yd);
    }

    /// <summary>Bilinear sample (zero outside [-1, size]); in max mode the largest weighted corner.</summary>
    private static double Bilinear(double[] x, int plane, int height, int width, double sy, double sx, bool max)
    {
        if (sy < -1 || sy > height || sx < -1 || sx > width)
        {
            return 0;
        }
        (int yl, int yh, double ly) = Corner(System.Math.Max(sy, 0), height);
        (int xl, int xh, double lx) = Corner(System.Math.Max(sx, 0), width);
        double w1 = (1 - ly) * (1 - lx), w2 = (1 - ly) * lx, w3 = ly * (1 - lx), w4 = ly * lx;
        double v1 = w1 * x[plane + (yl * width) + xl], v2 = w2 * x[plane + (yl * width) + xh];
        double v3 = w3 * x[plane + (yh * width) + xl], v4 = w4 * x[plane + (yh * width) + xh];
        return max ? System.Math.Max(System.Math.Max(v1, v2), System.Math.Max(v3, v4)) : v1 + v2 + v3 + v4;
    }

    private static (int Low, int High, double Fraction) Corner(double v, int size)
    {
        int low = (int)v;
        if (low >= size - 1)
        {
            return (size - 1, size - 1, 0);
        }
        return (low, low + 1, v - low);
    }
}
