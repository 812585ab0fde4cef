using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>HannWindow, HammingWindow, BlackmanWindow and MelWeightMatrix (17).</summary>
internal static class WindowKernels
{
    /// <summary>HannWindow.</summary>
    public static void Hann(EvaluationContext ctx) => Window(ctx, [0.5, 0.5, 0]);

    /// <summary>HammingWindow (a0 = 25/46).</summary>
    public static void Hamming(EvaluationContext ctx) => Window(ctx, [25.0 / 46, 21.0 / 46, 0]);

    /// <summary>BlackmanWindow.</summary>
    public static void Blackman(EvaluationContext ctx) => Window(ctx, [0.42, 0.5, 0.08]);

    /// <summary>MelWeightMatrix: triangular filters between mel-spaced edges over the onesided DFT bins.</summary>
    public static void MelWeightMatrix(EvaluationContext ctx)
    {
        long mels = NnData.Int64s(ctx, 0)[0], dft = NnData.Int64s(ctx, 1)[0], rate = NnData.Int64s(ctx, 2)[0];
        double lower = NnData.Doubles(ctx, 3)[0], upper = NnData.Doubles(ctx, 4)[0];
        if (mels < 1 || dft < 1 || rate < 1 || lower < 0 || upper < lower)
        {
            ctx.Fail("num_mel_bins, dft_length and sample_rate must be positive and 0 <= lower <= upper");
        }
        long spectrogramBins = (dft / 2) + 1;
        var y = new double[NnData.Count(ctx, [spectrogramBins, mels])];
        double lowMel = ToMel(lower), highMel = ToMel(upper);
        double stepMel = (highMel - lowMel) / (mels + 2);
        var edges = new long[mels + 2];
        for (int i = 0; i < edges.Length; i++)
        {
            double hz = 700 * (System.Math.Pow(10, ((i * stepMel) + lowMel) / 2595) - 1);
            edges[i] = (long)System.Math.Floor((dft + 1) * hz / rate);
        }
        for (int m = 0; m < mels; m++)
        {
            long lo = edges[m], center = edges[m + 1], hi = edges[m + 2];
            for (long j = System.Math.Max(lo, 0); j <= center && j < spectrogramBins; j++)
            {
                y[(j * mels) + m] = center == lo ? 1 : (double)(j - lo) / (center - lo);
            }
            for (long j = System.Math.Max(center, 0); j < hi && j < spectrogramBins && hi > center; j++)
            {
                y[(j * mels) + m] = (double)(hi - j) / (hi - center);
            }
        }
        NnData.Set(ctx, 0, y, [spectrogramBins, mels]);
    }

    private static double ToMel(double hz) => 2595 * System.Math.Log10(1 + (hz / 700));

    private static void Window(EvaluationContext ctx, double[] a)
    {
        long size = NnData.Int64s(ctx, 0)[0];
        if (size < 0)
        {
            ctx.Fail($"size {size} must not be negative");
        }
        bool periodic = ctx.GetInt("periodic", 1) != 0;
        double denominator = periodic ? size : size - 1;
        var y = new double[NnData.Count(ctx, [size])];
        for (int n = 0; n < size; n++)
        {
            double phase = denominator == 0 ? 0 : 2 * System.Math.PI * n / denominator;
            y[n] = a[0] - (a[1] * System.Math.Cos(phase)) + (a[2] * System.Math.Cos(2 * phase));
        }
        NnData.Set(ctx, 0, y, [size]);
    }
}
