using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>GridSample (16: 2-D bilinear/nearest/bicubic; 20+: N-D linear/nearest/cubic) and AffineGrid.</summary>
internal static class GridSampleKernels
{
    /// <summary>GridSample (all versions).</summary>
    public static void GridSample(EvaluationContext ctx)
    {
        long[] xd = NnData.Dims(ctx, 0);
        long[] gd = NnData.Dims(ctx, 1);
        int r = xd.Length - 2;
        if (r < 1 || gd.Length != xd.Length || gd[^1] != r || gd[0] != xd[0])
        {
            ctx.Fail("X (N, C, D1..Dr) and grid (N, O1..Or, r) do not agree");
        }
        string mode = ctx.GetString("mode", "linear") ?? "linear";
        int taps = mode switch
        {
            "nearest" => 1,
            "linear" or "bilinear" => 2,
            "cubic" or "bicubic" => 4,
            _ => 0,
        };
        var sampler = new GridSampler(ctx, xd[2..], taps, ctx.GetInt("align_corners", 0) != 0,
            ctx.GetString("padding_mode", "zeros") ?? "zeros");
        double[] x = NnData.Doubles(ctx, 0);
        double[] grid = NnData.Doubles(ctx, 1);
        int batch = (int)xd[0], channels = (int)xd[1], outs = NnData.Product(gd, 1, gd.Length - 1);
        int ins = NnData.Product(xd, 2, xd.Length);
        long[] yd = [xd[0], xd[1], .. gd[1..^1]];
        var y = new double[NnData.Count(ctx, yd)];
        for (int n = 0; n < batch; n++)
        {
            for (int o = 0; o < outs; o++)
            {
                sampler.Locate(grid, ((n * outs) + o) * r);
                for (int c = 0; c < channels; c++)
                {
                    y[(((n * channels) + c) * outs) + o] = sampler.Sample(x, ((n * channels) + c) * ins);
                }
            }
        }
        NnData.Set(ctx, 0, y, yd);
    }

    /// <summary>AffineGrid (20): theta (N, 2, 3) or (N, 3, 4) applied to the normalized base grid of size.</summary>
    public static void AffineGrid(EvaluationContext ctx)
    {
        long[] size = NnData.Int64s(ctx, 1);
        long[] td = NnData.Dims(ctx, 0);
        int r = size.Length - 2;
        if (r is not (2 or 3) || td.Length != 3 || td[1] != r || td[2] != r + 1 || td[0] != size[0])
        {
            ctx.Fail("theta must be (N, 2, 3) for a 4-D size or (N, 3, 4) for a 5-D size");
        }
        double[] theta = NnData.Doubles(ctx, 0);
        bool alignCorners = ctx.GetInt("align_corners", 0) != 0;
        long[] spatial = size[2..];
        int points = NnData.Count(ctx, spatial);
        long[] gd = [size[0], .. spatial, r];
        var grid = new double[NnData.Count(ctx, gd)];
        var basis = new double[r + 1];
        for (int n = 0; n < size[0]; n++)
        {
            for (int p = 0; p < points; p++)
            {
                int rem = p;
                for (int a = r - 1; a >= 0; a--)
                {
                    long len = spatial[a];
                    long i = rem % len;
                    rem = (int)(rem / len);
                    // Coordinate k of the point is along spatial axis r - 1 - k (x is the last axis).
                    basis[r - 1 - a] = alignCorners ? (len == 1 ? 0 : (-1 + (2.0 * i / (len - 1)))) : (((2.0 * i) + 1) / len) - 1;
                }
                basis[r] = 1;
                for (int k = 0; k < r; k++)
                {
                    double sum = 0;
                    for (int j = 0; j <= r; j++)
                    {
                        sum += theta[(((n * r) + k) * (r + 1)) + j] * basis[j];
                    }
                    grid[((((long)n * points) + p) * r) + k] = sum;
                }
            }
        }
        NnData.Set(ctx, 0, grid, gd);
    }
}
