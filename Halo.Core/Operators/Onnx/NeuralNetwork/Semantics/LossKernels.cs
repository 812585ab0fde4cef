using Halo.Core.IR.Attributes;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>NegativeLogLikelihoodLoss and SoftmaxCrossEntropyLoss (reductions, class weights, ignore_index).</summary>
internal static class LossKernels
{
    /// <summary>NegativeLogLikelihoodLoss (all versions).</summary>
    public static void NegativeLogLikelihood(EvaluationContext ctx)
    {
        long[] xd = NnData.Dims(ctx, 0);
        var (loss, dims) = Nll(ctx, NnData.Doubles(ctx, 0), xd);
        NnData.Set(ctx, 0, loss, dims);
    }

    /// <summary>SoftmaxCrossEntropyLoss (all versions): log-softmax over axis 1, then the NLL loss.</summary>
    public static void SoftmaxCrossEntropy(EvaluationContext ctx)
    {
        long[] xd = NnData.Dims(ctx, 0);
        if (xd.Length < 2)
        {
            ctx.Fail("scores need rank 2 or more");
        }
        double[] x = NnData.Doubles(ctx, 0);
        int classes = (int)xd[1], inner = NnData.Product(xd, 2, xd.Length);
        var logProb = new double[x.Length];
        for (int n = 0; n < xd[0]; n++)
        {
            for (int i = 0; i < inner; i++)
            {
                int at = n * classes * inner + i;
                double max = double.NegativeInfinity;
                for (int c = 0; c < classes; c++)
                {
                    max = System.Math.Max(max, x[at + (c * inner)]);
                }
                double sum = 0;
                for (int c = 0; c < classes; c++)
                {
                    sum += System.Math.Exp(x[at + (c * inner)] - max);
                }
                double log = max + System.Math.Log(sum);
                for (int c = 0; c < classes; c++)
                {
                    logProb[at + (c * inner)] = x[at + (c * inner)] - log;
                }
            }
        }
        var (loss, dims) = Nll(ctx, logProb, xd);
        NnData.Set(ctx, 0, loss, dims);
        NnData.Set(ctx, 1, logProb, xd);
    }

    private static (double[] Loss, long[] Dims) Nll(EvaluationContext ctx, double[] x, long[] xd)
    {
        long[] td = NnData.Dims(ctx, 1);
        if (xd.Length < 2 || td.Length != xd.Length - 1 || td[0] != xd[0] || !td.AsSpan(1).SequenceEqual(xd.AsSpan(2)))
        {
            ctx.Fail("target must have the input's shape without the class axis");
        }
        long[] target = NnData.Int64s(ctx, 1);
        double[]? weight = NnData.OptionalDoubles(ctx, 2);
        long? ignore = ctx.Attr("ignore_index") is { Kind: AttributeKind.Int } ig ? ig.AsInt() : null;
        int classes = (int)xd[1], inner = NnData.Product(xd, 2, xd.Length);
        if (weight is not null && weight.Length != classes)
        {
            ctx.Fail($"weight must have {classes} values");
        }
        var loss = new double[target.Length];
        double weightSum = 0;
        for (int e = 0; e < target.Length; e++)
        {
            long c = target[e];
            if (c == ignore)
            {
                continue;
            }
            if (c < 0 || c >= classes)
            {
                ctx.Fail($"target {c} is outside [0, {classes})");
            }
            double w = weight?[c] ?? 1;
            int n = e / inner, i = e % inner;
            loss[e] = -x[(((n * classes) + c) * inner) + i] * w;
            weightSum += w;
        }
        string reduction = ctx.GetString("reduction", "mean") ?? "mean";
        if (reduction == "none")
        {
            return (loss, td);
        }
        double total = 0;
        foreach (double v in loss)
        {
            total += v;
        }
        return ([reduction == "sum" ? total : total / weightSum], []);
    }
}
