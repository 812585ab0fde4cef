using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>BatchNormalization: inference with given statistics, and training mode (batch statistics and
/// running averages; before 14 when statistics outputs are requested).</summary>
internal static class BatchNormKernels
{
    /// <summary>BatchNormalization (all versions).</summary>
    public static void BatchNormalization(EvaluationContext ctx)
    {
        long[] xd = NnData.Dims(ctx, 0);
        if (xd.Length < 1)
        {
            ctx.Fail("X must not be a scalar");
        }
        int version = ctx.Schema.Id.SinceVersion;
        bool spatial = ctx.GetInt("spatial", 1) != 0;
        int batch = (int)xd[0];
        int channels = spatial ? (xd.Length > 1 ? (int)xd[1] : 1) : NnData.Product(xd, 1, xd.Length);
        int inner = spatial ? NnData.Product(xd, 2, xd.Length) : 1;
        double[] x = NnData.Doubles(ctx, 0);
        double[] scale = NnData.Doubles(ctx, 1), bias = NnData.Doubles(ctx, 2);
        double[] mean = NnData.Doubles(ctx, 3), variance = NnData.Doubles(ctx, 4);
        if (scale.Length != channels || bias.Length != channels || mean.Length != channels || variance.Length != channels)
        {
            ctx.Fail($"scale, B, mean and var must each have {channels} values");
        }
        double eps = ctx.GetFloat("epsilon", 1e-5f);
        double momentum = ctx.GetFloat("momentum", 0.9f);
        bool training = version >= 14 ? ctx.GetInt("training_mode", 0) != 0 : ctx.OutputCount > 1;
        double[] useMean = mean, useVar = variance;
        if (training)
        {
            (useMean, useVar) = Moments(x, batch, channels, inner);
        }
        var y = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            int c = i / inner % channels;
            y[i] = (scale[c] * (x[i] - useMean[c]) / System.Math.Sqrt(useVar[c] + eps)) + bias[c];
        }
        NnData.Set(ctx, 0, y, xd);
        if (!training)
        {
            return;
        }
        long[] cd = [channels];
        var runningMean = new double[channels];
        var runningVar = new double[channels];
        for (int c = 0; c < channels; c++)
        {
            runningMean[c] = (mean[c] * momentum) + (useMean[c] * (1 - momentum));
            runningVar[c] = (variance[c] * momentum) + (useVar[c] * (1 - momentum));
        }
        NnData.Set(ctx, 1, runningMean, cd);
        NnData.Set(ctx, 2, runningVar, cd);
        NnData.Set(ctx, 3, useMean, cd);
        NnData.Set(ctx, 4, useVar, cd);
    }

    private static (double[] Mean, double[] Variance) Moments(double[] x, int batch, int channels, int inner)
    {
        var mean = new double[channels];
        var variance = new double[channels];
        double count = (double)batch * inner;
        for (int i = 0; i < x.Length; i++)
        {
            mean[i / inner % channels] += x[i];
        }
        for (int c = 0; c < channels; c++)
        {
            mean[c] /= count;
        }
        for (int i = 0; i < x.Length; i++)
        {
            int c = i / inner % channels;
            double d = x[i] - mean[c];
            variance[c] += d * d;
        }
        for (int c = 0; c < channels; c++)
        {
            variance[c] /= count;
        }
        return (mean, variance);
    }
}
