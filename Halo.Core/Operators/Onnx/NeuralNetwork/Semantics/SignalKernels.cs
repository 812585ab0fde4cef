using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>DFT (17: axis attribute; 20: axis input) and STFT, by direct O(n²) transforms.</summary>
internal static class SignalKernels
{
    /// <summary>DFT (17, 20): real or complex input, zero-padded or truncated to dft_length, onesided, inverse.</summary>
    public static void Dft(EvaluationContext ctx)
    {
        long[] xd = NnData.Dims(ctx, 0);
        int rank = xd.Length;
        if (rank < 2 || xd[^1] is not (1 or 2))
        {
            ctx.Fail("input needs rank 2 or more with a last axis of 1 (real) or 2 (complex)");
        }
        long axisValue = ctx.Schema.Id.SinceVersion >= 20
            ? (ctx.HasInput(2) ? NnData.Int64s(ctx, 2)[0] : -2) : ctx.GetInt("axis", 1);
        int axis = (int)(axisValue < 0 ? axisValue + rank : axisValue);
        if (axis < 0 || axis >= rank - 1)
        {
            ctx.Fail($"axis {axisValue} is not a signal axis");
        }
        long n = ctx.HasInput(1) ? NnData.Int64s(ctx, 1)[0] : xd[axis];
        bool inverse = ctx.GetInt("inverse", 0) != 0, onesided = ctx.GetInt("onesided", 0) != 0;
        if (n < 1)
        {
            ctx.Fail($"dft_length {n} must be positive");
        }
        long bins = onesided ? (n / 2) + 1 : n;
        long[] yd = [.. xd];
        yd[axis] = bins;
        yd[^1] = 2;
        double[] x = NnData.Doubles(ctx, 0);
        var y = new double[NnData.Count(ctx, yd)];
        int outer = NnData.Product(xd, 0, axis), inner = NnData.Product(xd, axis + 1, rank - 1);
        int complexIn = (int)xd[^1], length = (int)xd[axis];
        double sign = inverse ? 1 : -1;
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                for (long k = 0; k < bins; k++)
                {
                    double re = 0, im = 0;
                    for (long t = 0; t < System.Math.Min(n, length); t++)
                    {
                        int at = (int)((((o * length) + t) * inner) + i) * complexIn;
                        double xr = x[at], xi = complexIn == 2 ? x[at + 1] : 0;
                        double angle = sign * 2 * System.Math.PI * (k * t % n) / n;
                        (double c, double s) = (System.Math.Cos(angle), System.Math.Sin(angle));
                        re += (xr * c) - (xi * s);
                        im += (xr * s) + (xi * c);
                    }
                    int to = (int)((((o * bins) + k) * inner) + i) * 2;
                    y[to] = inverse ? re / n : re;
                    y[to + 1] = inverse ? im / n : im;
                }
            }
        }
        NnData.Set(ctx, 0, y, yd);
    }

    /// <summary>STFT (17): windowed DFTs of frames of a (batch, length, 1 or 2) signal.</summary>
    public static void Stft(EvaluationContext ctx)
    {
        long[] xd = NnData.Dims(ctx, 0);
        if (xd.Length != 3 || xd[2] is not (1 or 2))
        {
            ctx.Fail("signal must be (batch, length, 1 or 2)");
        }
        long step = NnData.Int64s(ctx, 1)[0];
        double[]? window = NnData.OptionalDoubles(ctx, 2);
        long frame = ctx.HasInput(3) ? NnData.Int64s(ctx, 3)[0] : window?.Length ?? 0;
        if (step < 1 || frame < 1 || frame > xd[1] || (window is not null && window.Length != frame))
        {
            ctx.Fail("frame_step, frame_length and window do not fit the signal");
        }
        bool onesided = ctx.GetInt("onesided", 1) != 0;
        long frames = ((xd[1] - frame) / step) + 1, bins = onesided ? (frame / 2) + 1 : frame;
        long[] yd = [xd[0], frames, bins, 2];
        var y = new double[NnData.Count(ctx, yd)];
        double[] x = NnData.Doubles(ctx, 0);
        int complexIn = (int)xd[2];
        for (long b = 0; b < xd[0]; b++)
        {
            for (long f = 0; f < frames; f++)
            {
                for (long k = 0; k < bins; k++)
                {
                    double re = 0, im = 0;
                    for (long t = 0; t < frame; t++)
                    {
                        long at = ((b * xd[1]) + (f * step) + t) * complexIn;
                        double w = window?[t] ?? 1;
                        double xr = x[at] * w, xi = complexIn == 2 ? x[at + 1] * w : 0;
                        double angle = -2 * System.Math.PI * (k * t % frame) / frame;
                        re += (xr * System.Math.Cos(angle)) - (xi * System.Math.Sin(angle));
                        im += (xr * System.Math.Sin(angle)) + (xi * System.Math.Cos(angle));
                    }
                    long to = (((b * frames) + f) * bins + k) * 2;
                    (y[to], y[to + 1]) = (re, im);
                }
            }
        }
        NnData.Set(ctx, 0, y, yd);
    }
}
