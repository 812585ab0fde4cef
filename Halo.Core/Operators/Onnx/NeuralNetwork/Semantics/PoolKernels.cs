using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>AveragePool, MaxPool (with Indices), LpPool and the global pools.</summary>
internal static class PoolKernels
{
    private enum Kind
    {
        Average,
        Max,
        Lp,
    }

    /// <summary>AveragePool (all versions).</summary>
    public static void AveragePool(EvaluationContext ctx) => Pool(ctx, Kind.Average);

    /// <summary>MaxPool (all versions).</summary>
    public static void MaxPool(EvaluationContext ctx) => Pool(ctx, Kind.Max);

    /// <summary>LpPool (all versions).</summary>
    public static void LpPool(EvaluationContext ctx) => Pool(ctx, Kind.Lp);

    /// <summary>GlobalAveragePool.</summary>
    public static void GlobalAveragePool(EvaluationContext ctx) => Global(ctx, Kind.Average);

    /// <summary>GlobalMaxPool.</summary>
    public static void GlobalMaxPool(EvaluationContext ctx) => Global(ctx, Kind.Max);

    /// <summary>GlobalLpPool.</summary>
    public static void GlobalLpPool(EvaluationContext ctx) => Global(ctx, Kind.Lp);

    private static void Pool(EvaluationContext ctx, Kind kind)
    {
        long[] xd = NnData.Dims(ctx, 0);
        if (xd.Length < 3 || ctx.GetInts("kernel_shape") is not { } kernel)
        {
            ctx.Fail("X needs rank 3 or more and kernel_shape is required");
            return;
        }
        var window = SlidingWindow.Create(ctx, xd[2..], [.. kernel], ctx.GetInt("ceil_mode", 0) != 0);
        double[] x = NnData.Doubles(ctx, 0);
        double p = P(ctx);
        bool includePad = ctx.GetInt("count_include_pad", 0) != 0;
        bool columnMajor = ctx.GetInt("storage_order", 0) != 0;
        long planes = xd[0] * xd[1];
        long[] yd = [xd[0], xd[1], .. window.Output];
        int outs = window.OutputSize, ins = window.InputSize;
        var y = new double[NnData.Count(ctx, yd)];
        var indices = kind == Kind.Max && ctx.OutputCount > 1 ? new long[y.Length] : null;
        var kernelAt = new int[window.KernelSize];
        var inputAt = new int[window.KernelSize];
        for (int o = 0; o < outs; o++)
        {
            int taps = window.Taps(o, kernelAt, inputAt, out int padded);
            for (long c = 0; c < planes; c++)
            {
                long xBase = c * ins;
                double acc = kind == Kind.Max ? double.NegativeInfinity : 0;
                int best = -1;
                for (int t = 0; t < taps; t++)
                {
                    double v = x[xBase + inputAt[t]];
                    switch (kind)
                    {
                        case Kind.Max when v > acc || best < 0: acc = v; best = inputAt[t]; break;
                        case Kind.Average: acc += v; break;
                        case Kind.Lp: acc += System.Math.Pow(System.Math.Abs(v), p); break;
                    }
                }
                long at = (c * outs) + o;
                y[at] = kind switch
                {
                    Kind.Average => acc / (includePad ? padded : taps),
                    Kind.Lp => System.Math.Pow(acc, 1 / p),
                    _ => acc,
                };
                if (indices is not null)
                {
                    indices[at] = xBase + (columnMajor ? window.ColumnMajor(best) : best);
                }
            }
        }
        NnData.Set(ctx, 0, y, yd);
        if (indices is not null)
        {
            NnData.SetInt64(ctx, 1, indices, yd);
        }
    }

    private static double P(EvaluationContext ctx) =>
        ctx.Attr("p") is { Kind: IR.Attributes.AttributeKind.Float } f ? f.AsFloat() : ctx.GetInt("p", 2);

    private static void Global(EvaluationContext ctx, Kind kind)
    {
        long[] xd = NnData.Dims(ctx, 0);
        if (xd.Length < 2)
        {
            ctx.Fail("X needs rank 2 or more");
        }
        double[] x = NnData.Doubles(ctx, 0);
        double p = P(ctx);
        int planes = NnData.Product(xd, 0, 2), size = NnData.Product(xd, 2, xd.Length);
        var y = new double[planes];
        for (int c = 0; c < planes; c++)
        {
            double acc = kind == Kind.Max ? double.NegativeInfinity : 0;
            for (int i = 0; i < size; i++)
            {
                double v = x[(c * size) + i];
                acc = kind switch
                {
                    Kind.Max => System.Math.Max(acc, v),
                    Kind.Average => acc + v,
                    _ => acc + System.Math.Pow(System.Math.Abs(v), p),
                };
            }
            y[c] = kind switch { Kind.Average => acc / size, Kind.Lp => System.Math.Pow(acc, 1 / p), _ => acc };
        }
        long[] yd = [.. xd];
        for (int i = 2; i < yd.Length; i++)
        {
            yd[i] = 1;
        }
        NnData.Set(ctx, 0, y, yd);
    }
}
