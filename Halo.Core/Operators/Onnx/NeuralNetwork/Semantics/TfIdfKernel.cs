using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>TfIdfVectorizer (9): counts the pool's n-grams (with skips) in each row; TF, IDF or TFIDF weighting.</summary>
internal static class TfIdfKernel
{
    /// <summary>TfIdfVectorizer.</summary>
    public static void TfIdfVectorizer(EvaluationContext ctx)
    {
        var x = ctx.Tensor(0);
        long[] xd = [.. x.Dimensions];
        if (xd.Length is not (1 or 2))
        {
            ctx.Fail("X must be 1-D or 2-D");
        }
        string[] items = x.ElementType == ElementType.String ? [.. x.Strings] : [.. NnData.Int64s(ctx, 0).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        long[] counts = TreeEnsembleKernel.Ints(ctx, "ngram_counts"), indexes = TreeEnsembleKernel.Ints(ctx, "ngram_indexes");
        string[] pool = ctx.Attr("pool_strings") is { Kind: IR.Attributes.AttributeKind.Strings } ps ? [.. ps.AsStrings()]
            : [.. TreeEnsembleKernel.Ints(ctx, "pool_int64s").Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        var lookup = new Dictionary<string, long>(StringComparer.Ordinal);
        int gram = 0;
        for (int k = 0; k < counts.Length; k++)
        {
            long end = k + 1 < counts.Length ? counts[k + 1] : pool.Length;
            for (long p = counts[k]; p + k + 1 <= end; p += k + 1)
            {
                if (gram >= indexes.Length)
                {
                    ctx.Fail("ngram_indexes has fewer entries than the pool has n-grams");
                }
                lookup.TryAdd(string.Join('\u0001', pool[(int)p..(int)(p + k + 1)]), indexes[gram++]);
            }
        }
        long size = indexes.Length == 0 ? 0 : indexes.Max() + 1;
        int rows = xd.Length == 1 ? 1 : (int)xd[0], width = (int)xd[^1];
        var y = new double[NnData.Count(ctx, [rows, size])];
        long minN = ctx.GetInt("min_gram_length", 1), maxN = ctx.GetInt("max_gram_length", 1), skips = ctx.GetInt("max_skip_count", 0);
        for (int r = 0; r < rows; r++)
        {
            for (long n = System.Math.Max(minN, 1); n <= maxN; n++)
            {
                for (long skip = 0; skip <= (n == 1 ? 0 : skips); skip++)
                {
                    for (long i = 0; i + ((n - 1) * (skip + 1)) < width; i++)
                    {
                        string key = string.Join('\u0001', Enumerable.Range(0, (int)n).Select(j => items[(r * width) + i + (j * (skip + 1))]));
                        if (lookup.TryGetValue(key, out long at))
                        {
                            y[(r * size) + at]++;
                        }
                    }
                }
            }
        }
        Weigh(ctx, y, size);
        NnData.Set(ctx, 0, y, xd.Length == 1 ? [size] : [rows, size]);
    }

    private static void Weigh(EvaluationContext ctx, double[] y, long size)
    {
        string mode = ctx.GetString("mode", "TF") ?? "TF";
        double[]? weights = ctx.Attr("weights") is { Kind: IR.Attributes.AttributeKind.Floats } w ? [.. w.AsFloats().Select(f => (double)f)] : null;
        for (int i = 0; i < y.Length; i++)
        {
            double weight = weights is not null && i % size < weights.Length ? weights[i % size] : 1;
            y[i] = mode switch
            {
                "IDF" => y[i] > 0 ? weight : 0,
                "TFIDF" => y[i] * weight,
                _ => y[i],
            };
        }
    }
}
