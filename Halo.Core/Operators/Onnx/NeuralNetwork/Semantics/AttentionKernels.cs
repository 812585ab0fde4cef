using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>Attention-23: scaled dot-product attention with masks, causal masking, grouped KV heads, softcap,
/// past and present key/value caches, and the QK-matmul output in each of its modes.</summary>
internal static class AttentionKernels
{
    /// <summary>Attention (23).</summary>
    public static void Attention(EvaluationContext ctx)
    {
        bool packed = ctx.Tensor(0).Dimensions.Length == 3;
        var q = HeadTensor.Read(ctx, 0, ctx.GetInt("q_num_heads", 0));
        var k = HeadTensor.Read(ctx, 1, ctx.GetInt("kv_num_heads", 0)).AfterPast(ctx, 4);
        var v = HeadTensor.Read(ctx, 2, ctx.GetInt("kv_num_heads", 0)).AfterPast(ctx, 5);
        if (k.Batch != q.Batch || v.Batch != q.Batch || k.Heads != v.Heads || k.Length != v.Length || k.Size != q.Size
            || k.Heads == 0 || q.Heads % k.Heads != 0)
        {
            ctx.Fail("Q, K and V do not agree on batch, head counts, lengths or head size");
        }
        int total = k.Length;
        double[] scores = Scores(ctx, q, k);
        int mode = (int)ctx.GetInt("qk_matmul_output_mode", 0);
        double[] qkOut = mode == 0 ? (double[])scores.Clone() : [];
        double softcap = ctx.GetFloat("softcap", 0);
        var bias = Bias(ctx, q, total, ctx.HasInput(4) ? ctx.Tensor(4).Dimensions[2] : 0);
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] += bias[i];
        }
        qkOut = mode == 1 ? (double[])scores.Clone() : qkOut;
        for (int i = 0; i < scores.Length && softcap > 0; i++)
        {
            // Attention-23 applies the softcap after the mask (a masked -inf becomes -softcap).
            scores[i] = softcap * System.Math.Tanh(scores[i] / softcap);
        }
        qkOut = mode == 2 ? (double[])scores.Clone() : qkOut;
        Softmax(scores, total);
        qkOut = mode == 3 ? scores : qkOut;
        var y = Combine(scores, q, v);
        NnData.Set(ctx, 0, packed ? y.ToPacked() : y.Data, packed ? [y.Batch, y.Length, y.Heads * y.Size] : y.Dims);
        NnData.Set(ctx, 1, k.Data, k.Dims);
        NnData.Set(ctx, 2, v.Data, v.Dims);
        NnData.Set(ctx, 3, qkOut, [q.Batch, q.Heads, q.Length, total]);
    }

    /// <summary>Q·Kᵀ times the scale (default 1/sqrt(head size)), as (batch, q heads, q length, total length).</summary>
    private static double[] Scores(EvaluationContext ctx, HeadTensor q, HeadTensor k)
    {
        double scale = ctx.Attr("scale") is { Kind: AttributeKind.Float } s ? s.AsFloat() : 1 / System.Math.Sqrt(q.Size);
        int total = k.Length, group = q.Heads / k.Heads;
        var scores = new double[NnData.Count(ctx, [q.Batch, q.Heads, q.Length, total])];
        int at = 0;
        for (int b = 0; b < q.Batch; b++)
        {
            for (int h = 0; h < q.Heads; h++)
            {
                for (int i = 0; i < q.Length; i++)
                {
                    int qRow = q.Row(b, h, i);
                    for (int j = 0; j < total; j++)
                    {
                        int kRow = k.Row(b, h / group, j);
                        double sum = 0;
                        for (int e = 0; e < q.Size; e++)
                        {
                            sum += q.Data[qRow + e] * k.Data[kRow + e];
                        }
                        scores[at++] = sum * scale;
                    }
                }
            }
        }
        return scores;
    }

    /// <summary>The additive bias of attn_mask (bool: false masks out; numeric: added; a short last axis is padded
    /// with -inf) and, with is_causal, of the causal mask aligned to the end: query i sees keys up to past + i.</summary>
    private static double[] Bias(EvaluationContext ctx, HeadTensor q, int total, long past)
    {
        bool causal = ctx.GetInt("is_causal", 0) != 0;
        double[]? mask = NnData.OptionalDoubles(ctx, 3);
        bool boolMask = ctx.HasInput(3) && ctx.Tensor(3).ElementType == ElementType.Bool;
        int maskLast = total;
        int[]? map = null;
        if (mask is not null)
        {
            long[] md = NnData.Dims(ctx, 3);
            maskLast = md.Length == 0 ? total : (int)System.Math.Min(total, md[^1]);
            long[] target = [q.Batch, q.Heads, q.Length, maskLast];
            map = NnMath.BroadcastMap(ctx, target, md.Length > 0 && md[^1] == maskLast ? md : [.. md[..^1], maskLast]);
        }
        int rows = q.Batch * q.Heads * q.Length;
        var result = new double[rows * total];
        for (int r = 0; r < rows; r++)
        {
            int i = r % q.Length;
            for (int j = 0; j < total; j++)
            {
                double bias = 0;
                if (map is not null)
                {
                    double m = j < maskLast ? mask![map[(r * maskLast) + j]] : double.NegativeInfinity;
                    bias = !boolMask ? m : m != 0 ? 0 : double.NegativeInfinity;
                }
                if (causal && j > i + past)
                {
                    bias = double.NegativeInfinity;
                }
                result[(r * total) + j] = bias;
            }
        }
        return result;
    }

    private static void Softmax(double[] scores, int width)
    {
        for (int row = 0; row + width <= scores.Length && width > 0; row += width)
        {
            double max = double.NegativeInfinity;
            for (int j = 0; j < width; j++)
            {
                max = System.Math.Max(max, scores[row + j]);
            }
            double sum = 0;
            for (int j = 0; j < width; j++)
            {
                scores[row + j] = System.Math.Exp(scores[row + j] - max);
                sum += scores[row + j];
            }
            for (int j = 0; j < width; j++)
            {
                scores[row + j] /= sum;
            }
        }
    }

    private static HeadTensor Combine(double[] probs, HeadTensor q, HeadTensor v)
    {
        var y = new HeadTensor(new double[q.Batch * q.Heads * q.Length * v.Size], q.Batch, q.Heads, q.Length, v.Size);
        int total = v.Length, group = q.Heads / v.Heads;
        for (int b = 0; b < q.Batch; b++)
        {
            for (int h = 0; h < q.Heads; h++)
            {
                for (int i = 0; i < q.Length; i++)
                {
                    int pRow = ((((b * q.Heads) + h) * q.Length) + i) * total;
                    int yRow = y.Row(b, h, i);
                    for (int j = 0; j < total; j++)
                    {
                        double p = probs[pRow + j];
                        int vRow = v.Row(b, h / group, j);
                        for (int e = 0; e < v.Size; e++)
                        {
                            y.Data[yRow + e] += p * v.Data[vRow + e];
                        }
                    }
                }
            }
        }
        return y;
    }
}
