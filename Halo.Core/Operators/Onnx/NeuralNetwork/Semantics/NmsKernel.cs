using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>NonMaxSuppression: greedy per batch and class selection by descending score, suppressing boxes
/// whose IoU with a kept box exceeds the threshold; corner or center-point boxes.</summary>
internal static class NmsKernel
{
    /// <summary>NonMaxSuppression (10, 11).</summary>
    public static void NonMaxSuppression(EvaluationContext ctx)
    {
        long[] bd = NnData.Dims(ctx, 0);
        long[] sd = NnData.Dims(ctx, 1);
        if (bd.Length != 3 || bd[2] != 4 || sd.Length != 3 || sd[0] != bd[0] || sd[2] != bd[1])
        {
            ctx.Fail("boxes (N, boxes, 4) and scores (N, classes, boxes) do not agree");
        }
        double[] boxes = Corners(NnData.Doubles(ctx, 0), ctx.GetInt("center_point_box", 0) != 0);
        double[] scores = NnData.Doubles(ctx, 1);
        long max = ctx.HasInput(2) && NnData.Int64s(ctx, 2) is { Length: > 0 } m ? m[0] : 0;
        double iou = ctx.HasInput(3) && NnData.Doubles(ctx, 3) is { Length: > 0 } t ? t[0] : 0;
        double? minScore = ctx.HasInput(4) && NnData.Doubles(ctx, 4) is { Length: > 0 } st ? st[0] : null;
        int count = (int)bd[1];
        var selected = new List<long>();
        var order = new int[count];
        var kept = new List<int>();
        for (int n = 0; n < bd[0]; n++)
        {
            for (int c = 0; c < sd[1]; c++)
            {
                int sBase = (int)(((n * sd[1]) + c) * count);
                for (int i = 0; i < count; i++)
                {
                    order[i] = i;
                }
                Array.Sort(order, (a, b) => scores[sBase + b].CompareTo(scores[sBase + a]) is var cmp && cmp != 0 ? cmp : a.CompareTo(b));
                kept.Clear();
                foreach (int i in order)
                {
                    if (kept.Count >= max || (minScore is { } ms && scores[sBase + i] <= ms))
                    {
                        break;
                    }
                    if (kept.TrueForAll(k => Iou(boxes, ((n * count) + i) * 4, ((n * count) + k) * 4) <= iou))
                    {
                        kept.Add(i);
                        selected.AddRange([n, c, i]);
                    }
                }
            }
        }
        NnData.SetInt64(ctx, 0, [.. selected], [selected.Count / 3, 3]);
    }

    /// <summary>Boxes as (y1, x1, y2, x2) with y1 ≤ y2 and x1 ≤ x2.</summary>
    private static double[] Corners(double[] b, bool centerPoint)
    {
        var result = new double[b.Length];
        for (int i = 0; i < b.Length; i += 4)
        {
            if (centerPoint)
            {
                (double xc, double yc, double w, double h) = (b[i], b[i + 1], b[i + 2], b[i + 3]);
                (result[i], result[i + 1], result[i + 2], result[i + 3]) = (yc - (h / 2), xc - (w / 2), yc + (h / 2), xc + (w / 2));
            }
            else
            {
                result[i] = System.Math.Min(b[i], b[i + 2]);
                result[i + 1] = System.Math.Min(b[i + 1], b[i + 3]);
                result[i + 2] = System.Math.Max(b[i], b[i + 2]);
                result[i + 3] = System.Math.Max(b[i + 1], b[i + 3]);
            }
        }
        return result;
    }

    private static double Iou(double[] b, int i, int j)
    {
        double h = System.Math.Min(b[i + 2], b[j + 2]) - System.Math.Max(b[i], b[j]);
        double w = System.Math.Min(b[i + 3], b[j + 3]) - System.Math.Max(b[i + 1], b[j + 1]);
        if (h <= 0 || w <= 0)
        {
            return 0;
        }
        double inter = h * w;
        double union = ((b[i + 2] - b[i]) * (b[i + 3] - b[i + 1])) + ((b[j + 2] - b[j]) * (b[j + 3] - b[j + 1])) - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
