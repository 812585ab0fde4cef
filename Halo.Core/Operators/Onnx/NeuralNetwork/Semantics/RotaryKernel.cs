using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>RotaryEmbedding-23: rotates the first rotary_embedding_dim values of each head by the cached cos/sin
/// of its position (position_ids or the sequence index), in halves or interleaved pairs.</summary>
internal static class RotaryKernel
{
    /// <summary>RotaryEmbedding (23).</summary>
    public static void RotaryEmbedding(EvaluationContext ctx)
    {
        long[] xd = NnData.Dims(ctx, 0);
        bool packed = xd.Length == 3;
        long heads = packed ? ctx.GetInt("num_heads", 0) : xd[1];
        if (xd.Length is not (3 or 4) || heads < 1 || (packed && xd[2] % heads != 0))
        {
            ctx.Fail("X must be (B, heads, S, D), or (B, S, heads * D) with num_heads");
        }
        int batch = (int)xd[0], seq = (int)(packed ? xd[1] : xd[2]), h = (int)heads;
        int size = (int)(packed ? xd[2] / heads : xd[3]);
        int rot = (int)ctx.GetInt("rotary_embedding_dim", 0);
        rot = rot == 0 ? size : rot;
        if (rot > size || rot % 2 != 0)
        {
            ctx.Fail($"rotary_embedding_dim {rot} must be even and at most the head size {size}");
        }
        int half = rot / 2;
        bool interleaved = ctx.GetInt("interleaved", 0) != 0;
        double[] x = NnData.Doubles(ctx, 0);
        double[] cos = NnData.Doubles(ctx, 1), sin = NnData.Doubles(ctx, 2);
        long[]? positions = ctx.HasInput(3) ? NnData.Int64s(ctx, 3) : null;
        long[] cd = NnData.Dims(ctx, 1);
        int width = cd.Length == 0 ? half : (int)cd[^1];
        if (width < half)
        {
            ctx.Fail($"the cos/sin caches have {width} values per position, fewer than {half}");
        }
        var y = (double[])x.Clone();
        for (int b = 0; b < batch; b++)
        {
            for (int s = 0; s < seq; s++)
            {
                long row = positions is null ? ((long)b * seq) + s : positions[(b * seq) + s];
                if ((row + 1) * width > cos.Length || (row + 1) * width > sin.Length || row < 0)
                {
                    ctx.Fail($"position {row} is outside the cos/sin caches");
                }
                for (int hd = 0; hd < h; hd++)
                {
                    int at = packed ? (((b * seq) + s) * h + hd) * size : (((b * h) + hd) * seq + s) * size;
                    for (int i = 0; i < half; i++)
                    {
                        int i1 = at + (interleaved ? 2 * i : i), i2 = at + (interleaved ? (2 * i) + 1 : i + half);
                        double c = cos[(row * width) + i], sn = sin[(row * width) + i];
                        y[i1] = (x[i1] * c) - (x[i2] * sn);
                        y[i2] = (x[i2] * c) + (x[i1] * sn);
                    }
                }
            }
        }
        NnData.Set(ctx, 0, y, xd);
    }
}
