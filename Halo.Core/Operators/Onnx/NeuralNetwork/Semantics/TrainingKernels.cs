using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>ai.onnx.preview.training optimizers: Adagrad, Adam and Momentum over n tensors at once.</summary>
internal static class TrainingKernels
{
    /// <summary>Adagrad: accumulated squared gradients scale a decayed learning rate.</summary>
    public static void Adagrad(EvaluationContext ctx)
    {
        int n = Count(ctx, 3);
        double r = NnData.Doubles(ctx, 0)[0] / (1 + (NnData.Int64s(ctx, 1)[0] * (double)ctx.GetFloat("decay_factor", 0)));
        double norm = ctx.GetFloat("norm_coefficient", 0), eps = ctx.GetFloat("epsilon", 0);
        for (int i = 0; i < n; i++)
        {
            double[] x = NnData.Doubles(ctx, 2 + i), g = NnData.Doubles(ctx, 2 + n + i), h = NnData.Doubles(ctx, 2 + (2 * n) + i);
            var xNew = new double[x.Length];
            var hNew = new double[x.Length];
            for (int e = 0; e < x.Length; e++)
            {
                double gr = (norm * x[e]) + g[e];
                hNew[e] = h[e] + (gr * gr);
                xNew[e] = x[e] - (r * gr / (System.Math.Sqrt(hNew[e]) + eps));
            }
            NnData.Set(ctx, i, xNew, NnData.Dims(ctx, 2 + i));
            NnData.Set(ctx, n + i, hNew, NnData.Dims(ctx, 2 + i));
        }
    }

    /// <summary>Adam with bias-corrected learning rate and post-update weight decay.</summary>
    public static void Adam(EvaluationContext ctx)
    {
        int n = Count(ctx, 4);
        double rate = NnData.Doubles(ctx, 0)[0];
        long t = NnData.Int64s(ctx, 1)[0];
        double alpha = ctx.GetFloat("alpha", 0.9f), beta = ctx.GetFloat("beta", 0.999f), eps = ctx.GetFloat("epsilon", 0);
        double norm = ctx.GetFloat("norm_coefficient", 0), post = ctx.GetFloat("norm_coefficient_post", 0);
        double r = t > 0 ? rate * System.Math.Sqrt(1 - System.Math.Pow(beta, t)) / (1 - System.Math.Pow(alpha, t)) : rate;
        for (int i = 0; i < n; i++)
        {
            double[] x = NnData.Doubles(ctx, 2 + i), g = NnData.Doubles(ctx, 2 + n + i);
            double[] v = NnData.Doubles(ctx, 2 + (2 * n) + i), h = NnData.Doubles(ctx, 2 + (3 * n) + i);
            var xNew = new double[x.Length];
            var vNew = new double[x.Length];
            var hNew = new double[x.Length];
            for (int e = 0; e < x.Length; e++)
            {
                double gr = (norm * x[e]) + g[e];
                vNew[e] = (alpha * v[e]) + ((1 - alpha) * gr);
                hNew[e] = (beta * h[e]) + ((1 - beta) * gr * gr);
                xNew[e] = (1 - post) * (x[e] - (r * vNew[e] / (System.Math.Sqrt(hNew[e]) + eps)));
            }
            long[] dims = NnData.Dims(ctx, 2 + i);
            NnData.Set(ctx, i, xNew, dims);
            NnData.Set(ctx, n + i, vNew, dims);
            NnData.Set(ctx, (2 * n) + i, hNew, dims);
        }
    }

    /// <summary>Momentum, standard or Nesterov; the first step (T = 0) takes the whole gradient.</summary>
    public static void Momentum(EvaluationContext ctx)
    {
        int n = Count(ctx, 3);
        double rate = NnData.Doubles(ctx, 0)[0];
        long t = NnData.Int64s(ctx, 1)[0];
        double alpha = ctx.GetFloat("alpha", 0), beta = t > 0 ? ctx.GetFloat("beta", 0) : 1, norm = ctx.GetFloat("norm_coefficient", 0);
        bool nesterov = ctx.GetString("mode", "standard") == "nesterov";
        for (int i = 0; i < n; i++)
        {
            double[] x = NnData.Doubles(ctx, 2 + i), g = NnData.Doubles(ctx, 2 + n + i), v = NnData.Doubles(ctx, 2 + (2 * n) + i);
            var xNew = new double[x.Length];
            var vNew = new double[x.Length];
            for (int e = 0; e < x.Length; e++)
            {
                double gr = (norm * x[e]) + g[e];
                vNew[e] = (alpha * v[e]) + (beta * gr);
                xNew[e] = x[e] - (rate * (nesterov ? gr + (alpha * vNew[e]) : vNew[e]));
            }
            NnData.Set(ctx, i, xNew, NnData.Dims(ctx, 2 + i));
            NnData.Set(ctx, n + i, vNew, NnData.Dims(ctx, 2 + i));
        }
    }

    private static int Count(EvaluationContext ctx, int groups)
    {
        int tensors = ctx.InputCount - 2;
        if (tensors < groups || tensors % groups != 0)
        {
            ctx.Fail($"expected {groups} groups of tensors after R and T, got {tensors} tensors");
        }
        return tensors / groups;
    }
}
