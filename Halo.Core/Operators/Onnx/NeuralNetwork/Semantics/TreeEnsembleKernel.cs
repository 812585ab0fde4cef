using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>ai.onnx.ml TreeEnsemble-5: walks every tree per row (LEQ, LT, GTE, GT, EQ, NEQ, MEMBER splits, missing
/// values tracking true), aggregates leaf weights per target (average, sum, min, max), then the post transform.</summary>
internal static class TreeEnsembleKernel
{
    /// <summary>TreeEnsemble (5).</summary>
    public static void TreeEnsemble(EvaluationContext ctx)
    {
        long[] xd = NnData.Dims(ctx, 0);
        double[] x = NnData.Doubles(ctx, 0);
        int rows = xd.Length == 0 ? 1 : (int)xd[0], features = xd.Length < 2 ? 1 : NnData.Product(xd, 1, xd.Length);
        long targets = ctx.GetInt("n_targets", 1);
        long[] roots = Ints(ctx, "tree_roots"), leafTargets = Ints(ctx, "leaf_targetids");
        double[] leafWeights = Tensor(ctx, "leaf_weights");
        long aggregate = ctx.GetInt("aggregate_function", 1);
        var y = new double[NnData.Count(ctx, [rows, targets])];
        var hits = new int[targets];
        var walker = new TreeWalker(ctx);
        for (int r = 0; r < rows; r++)
        {
            Array.Clear(hits);
            foreach (long root in roots)
            {
                long leaf = walker.Leaf(root, x, r * features, features);
                long t = leafTargets[leaf];
                if (t < 0 || t >= targets)
                {
                    ctx.Fail($"leaf target {t} is outside [0, {targets})");
                }
                double w = leafWeights[leaf];
                ref double acc = ref y[(r * targets) + t];
                acc = hits[t] == 0 ? w : aggregate switch { 2 => System.Math.Min(acc, w), 3 => System.Math.Max(acc, w), _ => acc + w };
                hits[t]++;
            }
            for (int t = 0; t < targets && aggregate == 0 && roots.Length > 0; t++)
            {
                y[(r * targets) + t] /= roots.Length;
            }
            PostTransform(ctx.GetInt("post_transform", 0), y.AsSpan(r * (int)targets, (int)targets));
        }
        NnData.Set(ctx, 0, y, [rows, targets]);
    }

    /// <summary>The integer list attribute, or empty.</summary>
    public static long[] Ints(EvaluationContext ctx, string name) => ctx.GetInts(name) is { } v ? [.. v] : [];

    /// <summary>The tensor attribute as doubles, or empty.</summary>
    public static double[] Tensor(EvaluationContext ctx, string name) =>
        ctx.Attr(name) is { Kind: AttributeKind.Tensor } t ? TensorValues.ToDoubleArray(t.AsTensor()) ?? [] : [];

    private static void PostTransform(long kind, Span<double> v)
    {
        switch (kind)
        {
            case 1 or 3:
                double max = double.NegativeInfinity, sum = 0;
                foreach (double e in v)
                {
                    max = System.Math.Max(max, e);
                }
                for (int i = 0; i < v.Length; i++)
                {
                    v[i] = kind == 3 && v[i] == 0 ? 0 : System.Math.Exp(v[i] - max);
                    sum += v[i];
                }
                for (int i = 0; i < v.Length; i++)
                {
                    v[i] = sum == 0 ? 0 : v[i] / sum;
                }
                break;
            case 2:
                for (int i = 0; i < v.Length; i++)
                {
                    v[i] = 1 / (1 + System.Math.Exp(-v[i]));
                }
                break;
            case 4:
                for (int i = 0; i < v.Length; i++)
                {
                    v[i] = System.Math.Sqrt(2) * ErfInv((2 * v[i]) - 1);
                }
                break;
        }
    }

    private static double ErfInv(double x)
    {
        double w = -System.Math.Log((1 - x) * (1 + x));
        double a = 0.147, t = (2 / (System.Math.PI * a)) + (System.Math.Log(1 - (x * x)) / 2);
        double r = System.Math.Sqrt(System.Math.Sqrt((t * t) - (System.Math.Log(1 - (x * x)) / a)) - t);
        return double.IsFinite(w) ? System.Math.CopySign(r, x) : System.Math.CopySign(double.PositiveInfinity, x);
    }
}
