using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>InstanceNormalization, LayerNormalization, GroupNormalization and RMSNormalization.</summary>
internal static class NormalizationKernels
{
    /// <summary>InstanceNormalization: per (n, c) statistics over the spatial axes.</summary>
    public static void InstanceNormalization(EvaluationContext ctx)
    {
        long[] xd = NnData.Dims(ctx, 0);
        if (xd.Length < 2)
        {
            ctx.Fail("input needs rank 2 or more");
        }
        double[] x = NnData.Doubles(ctx, 0);
        double[] scale = NnData.Doubles(ctx, 1), bias = NnData.Doubles(ctx, 2);
        int channels = (int)xd[1], inner = NnData.Product(xd, 2, xd.Length), blocks = NnData.Product(xd, 0, 2);
        CheckLength(ctx, channels, scale, bias);
        double eps = ctx.GetFloat("epsilon", 1e-5f);
        var (mean, variance) = NnMath.BlockMoments(x, blocks, inner);
        var y = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            int b = i / inner;
            int c = b % channels;
            y[i] = (scale[c] * (x[i] - mean[b]) / System.Math.Sqrt(variance[b] + eps)) + bias[c];
        }
        NnData.Set(ctx, 0, y, xd);
    }

    /// <summary>LayerNormalization: statistics over the axes from <c>axis</c> on; Mean and InvStdDev outputs.</summary>
    public static void LayerNormalization(EvaluationContext ctx)
    {
        long[] xd = NnData.Dims(ctx, 0);
        int axis = NnData.Axis(ctx, ctx.GetInt("axis", -1), xd.Length);
        double[] x = NnData.Doubles(ctx, 0);
        int blocks = NnData.Product(xd, 0, axis), inner = NnData.Product(xd, axis, xd.Length);
        var (mean, variance) = NnMath.BlockMoments(x, blocks, inner);
        double eps = ctx.GetFloat("epsilon", 1e-5f);
        var invStd = new double[blocks];
        for (int b = 0; b < blocks; b++)
        {
            invStd[b] = 1 / System.Math.Sqrt(variance[b] + eps);
        }
        var y = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = (x[i] - mean[i / System.Math.Max(inner, 1)]) * invStd[i / System.Math.Max(inner, 1)];
        }
        Affine(ctx, y, xd, 1, 2);
        long[] sd = [.. xd];
        for (int i = axis; i < sd.Length; i++)
        {
            sd[i] = 1;
        }
        ElementType stash = ctx.GetInt("stash_type", 1) == 1 ? ElementType.Float : NnData.OutType(ctx, 0);
        NnData.Set(ctx, 1, OutType(ctx, 1, stash), mean, sd);
        NnData.Set(ctx, 2, OutType(ctx, 2, stash), invStd, sd);
    }

    /// <summary>GroupNormalization: statistics per (n, group); scale and bias per group (18) or per channel (21).</summary>
    public static void GroupNormalization(EvaluationContext ctx)
    {
        long[] xd = NnData.Dims(ctx, 0);
        long groups = ctx.GetInt("num_groups", 1);
        if (xd.Length < 2 || groups < 1 || xd[1] % groups != 0)
        {
            ctx.Fail($"X needs rank 2 or more and channels divisible by num_groups {groups}");
        }
        double[] x = NnData.Doubles(ctx, 0);
        double[] scale = NnData.Doubles(ctx, 1), bias = NnData.Doubles(ctx, 2);
        int channels = (int)xd[1], spatial = NnData.Product(xd, 2, xd.Length);
        int perGroup = (int)(channels / groups);
        bool perChannel = ctx.Schema.Id.SinceVersion >= 21;
        CheckLength(ctx, perChannel ? channels : (int)groups, scale, bias);
        int blocks = (int)(xd[0] * groups), inner = perGroup * spatial;
        var (mean, variance) = NnMath.BlockMoments(x, blocks, inner);
        double eps = ctx.GetFloat("epsilon", 1e-5f);
        var y = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            int b = i / inner;
            int c = i / spatial % channels;
            int p = perChannel ? c : c / perGroup;
            y[i] = (scale[p] * (x[i] - mean[b]) / System.Math.Sqrt(variance[b] + eps)) + bias[p];
        }
        NnData.Set(ctx, 0, y, xd);
    }

    /// <summary>RMSNormalization: x / sqrt(mean(x^2) + epsilon) * scale over the axes from <c>axis</c> on.</summary>
    public static void RmsNormalization(EvaluationContext ctx)
    {
        long[] xd = NnData.Dims(ctx, 0);
        int axis = NnData.Axis(ctx, ctx.GetInt("axis", -1), xd.Length);
        double[] x = NnData.Doubles(ctx, 0);
        int blocks = NnData.Product(xd, 0, axis), inner = NnData.Product(xd, axis, xd.Length);
        double eps = ctx.GetFloat("epsilon", 1e-5f);
        var y = new double[x.Length];
        for (int b = 0; b < blocks; b++)
        {
            double sq = 0;
            for (int i = 0; i < inner; i++)
            {
                sq += x[(b * inner) + i] * x[(b * inner) + i];
            }
            double inv = 1 / System.Math.Sqrt((sq / inner) + eps);
            for (int i = 0; i < inner; i++)
            {
                y[(b * inner) + i] = x[(b * inner) + i] * inv;
            }
        }
        Affine(ctx, y, xd, 1, -1);
    }

    /// <summary>Multiplies by operand <paramref name="scaleIndex"/> and adds operand <paramref name="biasIndex"/>
    /// (when present), both broadcast to X, then sets result 0.</summary>
    private static void Affine(EvaluationContext ctx, double[] y, long[] xd, int scaleIndex, int biasIndex)
    {
        double[] scale = NnData.Doubles(ctx, scaleIndex);
        int[] sm = NnMath.BroadcastMap(ctx, xd, NnData.Dims(ctx, scaleIndex));
        double[]? bias = biasIndex >= 0 ? NnData.OptionalDoubles(ctx, biasIndex) : null;
        int[]? bm = bias is null ? null : NnMath.BroadcastMap(ctx, xd, NnData.Dims(ctx, biasIndex));
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = (y[i] * scale[sm[i]]) + (bias is null ? 0 : bias[bm![i]]);
        }
        NnData.Set(ctx, 0, y, xd);
    }

    private static ElementType OutType(EvaluationContext ctx, int index, ElementType fallback) =>
        index < ctx.OutputTypes.Length && ctx.OutputTypes[index] is TensorType { ElementType: not ElementType.Undefined } t
            ? t.ElementType : fallback;

    private static void CheckLength(EvaluationContext ctx, int length, double[] scale, double[] bias)
    {
        if (scale.Length != length || bias.Length != length)
        {
            ctx.Fail($"scale and bias must have {length} values");
        }
    }
}
