using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>LRN, LpNormalization and MeanVarianceNormalization.</summary>
internal static class LocalNormalizationKernels
{
    /// <summary>LRN: x / (bias + alpha / size * sum of squares over neighbouring channels)^beta.</summary>
    public static void Lrn(EvaluationContext ctx)
    {
        long[] xd = NnData.Dims(ctx, 0);
        long size = ctx.GetInt("size", 1);
        if (xd.Length < 2 || size < 1)
        {
            ctx.Fail("X needs rank 2 or more and size must be positive");
        }
        double alpha = ctx.GetFloat("alpha", 1e-4f), beta = ctx.GetFloat("beta", 0.75f), bias = ctx.GetFloat("bias", 1f);
        double[] x = NnData.Doubles(ctx, 0);
        int channels = (int)xd[1], inner = NnData.Product(xd, 2, xd.Length);
        long before = (size - 1) / 2, after = size - 1 - before;
        var y = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            int c = i / inner % channels;
            int planeBase = i - (c * inner);
            double sq = 0;
            for (long j = System.Math.Max(0, c - before); j <= System.Math.Min(channels - 1, c + after); j++)
            {
                double v = x[planeBase + (j * inner)];
                sq += v * v;
            }
            y[i] = x[i] / System.Math.Pow(bias + (alpha / size * sq), beta);
        }
        NnData.Set(ctx, 0, y, xd);
    }

    /// <summary>LpNormalization: x divided by its L1 or L2 norm along <c>axis</c>.</summary>
    public static void LpNormalization(EvaluationContext ctx)
    {
        long[] xd = NnData.Dims(ctx, 0);
        int axis = NnData.Axis(ctx, ctx.GetInt("axis", -1), xd.Length);
        long p = ctx.GetInt("p", 2);
        if (p is not (1 or 2))
        {
            ctx.Fail($"p must be 1 or 2, not {p}");
        }
        double[] x = NnData.Doubles(ctx, 0);
        var reduced = new bool[xd.Length];
        reduced[axis] = true;
        int[] key = NnMath.KeyMap(xd, reduced, out int keys);
        var norm = new double[keys];
        for (int i = 0; i < x.Length; i++)
        {
            norm[key[i]] += p == 1 ? System.Math.Abs(x[i]) : x[i] * x[i];
        }
        var y = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            double n = p == 1 ? norm[key[i]] : System.Math.Sqrt(norm[key[i]]);
            y[i] = n == 0 ? 0 : x[i] / n;
        }
        NnData.Set(ctx, 0, y, xd);
    }

    /// <summary>MeanVarianceNormalization: (x - mean) / std over the given axes (1: across_channels and
    /// normalize_variance attributes).</summary>
    public static void MeanVarianceNormalization(EvaluationContext ctx)
    {
        long[] xd = NnData.Dims(ctx, 0);
        var reduced = new bool[xd.Length];
        bool normalize = true;
        if (ctx.Schema.Id.SinceVersion < 9)
        {
            bool across = ctx.GetInt("across_channels", 0) != 0;
            normalize = ctx.GetInt("normalize_variance", 1) != 0;
            for (int a = across ? 1 : 2; a < xd.Length; a++)
            {
                reduced[a] = true;
            }
        }
        else
        {
            foreach (long a in ctx.GetInts("axes") ?? [0, 2, 3])
            {
                reduced[NnData.Axis(ctx, a, xd.Length)] = true;
            }
        }
        double[] x = NnData.Doubles(ctx, 0);
        int[] key = NnMath.KeyMap(xd, reduced, out int keys);
        var sum = new double[keys];
        var sq = new double[keys];
        double count = keys == 0 ? 1 : (double)x.Length / keys;
        for (int i = 0; i < x.Length; i++)
        {
            sum[key[i]] += x[i];
        }
        for (int i = 0; i < x.Length; i++)
        {
            double d = x[i] - (sum[key[i]] / count);
            sq[key[i]] += d * d;
        }
        var y = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            double d = x[i] - (sum[key[i]] / count);
            y[i] = normalize ? d / (System.Math.Sqrt(sq[key[i]] / count) + 1e-9) : d;
        }
        NnData.Set(ctx, 0, y, xd);
    }
}
