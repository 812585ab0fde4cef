using Halo.Core.IR;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>ai.onnx.ml ArrayFeatureExtractor and Binarizer.</summary>
internal static class MlKernels
{
    /// <summary>ArrayFeatureExtractor: selects the indexed entries of X's last axis.</summary>
    public static void ArrayFeatureExtractor(EvaluationContext ctx)
    {
        var xt = ctx.Tensor(0);
        long[] xd = [.. xt.Dimensions];
        long[] idx = NnData.Int64s(ctx, 1);
        long last = xd.Length == 0 ? 1 : xd[^1];
        int outer = xd.Length == 0 ? 1 : NnData.Product(xd, 0, xd.Length - 1);
        foreach (long i in idx)
        {
            if (i < 0 || i >= last)
            {
                ctx.Fail($"index {i} is outside [0, {last})");
            }
        }
        long[] yd = xd.Length <= 1 ? [1, idx.Length] : [.. xd[..^1], idx.Length];
        var picks = new int[outer * idx.Length];
        for (int o = 0; o < outer; o++)
        {
            for (int k = 0; k < idx.Length; k++)
            {
                picks[(o * idx.Length) + k] = (int)((o * last) + idx[k]);
            }
        }
        if (xt.ElementType == IR.Types.ElementType.String)
        {
            var s = xt.Strings;
            ctx.SetOutput(0, TensorData.FromStrings([.. picks.Select(p => s[p])], [.. yd]));
            return;
        }
        double[] x = NnData.Doubles(ctx, 0);
        if (xt.ElementType is IR.Types.ElementType.Int64 or IR.Types.ElementType.Int32)
        {
            long[] xi = NnData.Int64s(ctx, 0);
            NnData.SetInt64(ctx, 0, [.. picks.Select(p => xi[p])], yd);
            return;
        }
        NnData.Set(ctx, 0, [.. picks.Select(p => x[p])], yd);
    }

    /// <summary>Binarizer: 1 where X exceeds the threshold, else 0.</summary>
    public static void Binarizer(EvaluationContext ctx)
    {
        double threshold = ctx.GetFloat("threshold", 0);
        double[] x = NnData.Doubles(ctx, 0);
        var y = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = x[i] > threshold ? 1 : 0;
        }
        NnData.Set(ctx, 0, y, NnData.Dims(ctx, 0));
    }
}
