using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>MaxUnpool and MaxRoiPool.</summary>
internal static class RegionKernels
{
    /// <summary>MaxUnpool: scatters X into a zero tensor at the flat indices I (output_shape or the default size).</summary>
    public static void MaxUnpool(EvaluationContext ctx)
    {
        long[] xd = NnData.Dims(ctx, 0);
        int n = xd.Length - 2;
        if (n < 1 || ctx.GetInts("kernel_shape") is not { } kernel || kernel.Length != n)
        {
            ctx.Fail("X needs rank 3 or more and kernel_shape one size per spatial axis");
            return;
        }
        long[] strides = SlidingWindow.PerAxis(ctx, "strides", n, 1);
        long[] pads = SlidingWindow.PerAxis(ctx, "pads", 2 * n, 0);
        long[] natural = [xd[0], xd[1], .. Enumerable.Range(0, n).Select(i => ((xd[i + 2] - 1) * strides[i]) + kernel[i] - pads[i] - pads[i + n])];
        long[] yd = ctx.HasInput(2) ? NnData.Int64s(ctx, 2) : natural;
        double[] x = NnData.Doubles(ctx, 0);
        long[] indices = NnData.Int64s(ctx, 1);
        if (indices.Length != x.Length || yd.Length != xd.Length)
        {
            ctx.Fail("I must have X's shape and output_shape X's rank");
        }
        var y = new double[NnData.Count(ctx, yd)];
        long naturalCount = NnData.Product(natural, 0, natural.Length);
        for (int i = 0; i < x.Length; i++)
        {
            if (indices[i] < 0 || indices[i] >= naturalCount)
            {
                ctx.Fail($"index {indices[i]} is outside the unpooled size of {naturalCount} elements");
            }
            // Indices address the unpooled shape; output_shape may be larger: same coordinates there.
            long rem = indices[i], at = 0, stride = 1;
            bool inside = true;
            for (int a = natural.Length - 1; a >= 0; a--)
            {
                long coordinate = rem % natural[a];
                rem /= natural[a];
                inside &= coordinate < yd[a];
                at += coordinate * stride;
                stride *= yd[a];
            }
            if (inside)
            {
                y[at] = x[i];
            }
        }
        NnData.Set(ctx, 0, y, yd);
    }

    /// <summary>MaxRoiPool: max over each bin of each region (batch, x1, y1, x2, y2) scaled and rounded.</summary>
    public static void MaxRoiPool(EvaluationContext ctx)
    {
        long[] xd = NnData.Dims(ctx, 0);
        long[] rd = NnData.Dims(ctx, 1);
        if (xd.Length != 4 || rd.Length != 2 || rd[1] != 5 || ctx.GetInts("pooled_shape") is not { Length: 2 } pooled)
        {
            ctx.Fail("X must be 4-D, rois (R, 5) and pooled_shape two sizes");
            return;
        }
        double scale = ctx.GetFloat("spatial_scale", 1);
        double[] x = NnData.Doubles(ctx, 0), rois = NnData.Doubles(ctx, 1);
        long channels = xd[1], height = xd[2], width = xd[3], ph = pooled[0], pw = pooled[1];
        long[] yd = [rd[0], channels, ph, pw];
        var y = new double[NnData.Count(ctx, yd)];
        for (int r = 0; r < rd[0]; r++)
        {
            long b = (long)rois[r * 5];
            if (b < 0 || b >= xd[0])
            {
                ctx.Fail($"region {r} names batch {b}");
            }
            long x1 = Round(rois[(r * 5) + 1] * scale), y1 = Round(rois[(r * 5) + 2] * scale);
            long x2 = Round(rois[(r * 5) + 3] * scale), y2 = Round(rois[(r * 5) + 4] * scale);
            double binH = System.Math.Max(y2 - y1 + 1, 1) / (double)ph, binW = System.Math.Max(x2 - x1 + 1, 1) / (double)pw;
            for (long c = 0; c < channels; c++)
            {
                for (long i = 0; i < ph * pw; i++)
                {
                    long hs = Clamp((long)System.Math.Floor(i / pw * binH) + y1, height), he = Clamp((long)System.Math.Ceiling((i / pw + 1) * binH) + y1, height);
                    long ws = Clamp((long)System.Math.Floor(i % pw * binW) + x1, width), we = Clamp((long)System.Math.Ceiling((i % pw + 1) * binW) + x1, width);
                    double max = he <= hs || we <= ws ? 0 : double.NegativeInfinity;
                    for (long h = hs; h < he; h++)
                    {
                        for (long w = ws; w < we; w++)
                        {
                            max = System.Math.Max(max, x[(((b * channels) + c) * height + h) * width + w]);
                        }
                    }
                    y[(((r * channels) + c) * ph * pw) + i] = max;
                }
            }
        }
        NnData.Set(ctx, 0, y, yd);
    }

    private static long Round(double v) => (long)System.Math.Round(v, MidpointRounding.AwayFromZero);

    private static long Clamp(long v, long size) => System.Math.Clamp(v, 0, size);
}
