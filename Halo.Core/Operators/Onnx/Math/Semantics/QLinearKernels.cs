using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Math.Semantics;

/// <summary>Reference kernels of DynamicQuantizeLinear and QLinearMatMul.</summary>
internal static class QLinearKernels
{
    /// <summary>uint8 quantization with a scale and zero point chosen from the data range (which always includes 0).</summary>
    public static void DynamicQuantize(EvaluationContext ctx)
    {
        var x = ctx.Tensor(0);
        var v = Numbers.ReadDoubles(x);
        float min = 0, max = 0;
        foreach (double d in v)
        {
            min = System.Math.Min(min, (float)d);
            max = System.Math.Max(max, (float)d);
        }
        float scale = (max - min) / 255f;
        double zp = scale == 0 ? 0 : System.Math.Clamp(System.Math.Round(-min / scale, MidpointRounding.ToEven), 0, 255);
        var y = new long[v.Length];
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = scale == 0 ? (long)zp : (long)System.Math.Clamp(System.Math.Round((float)v[i] / scale, MidpointRounding.ToEven) + zp, 0, 255);
        }
        ctx.SetOutput(0, Numbers.FromLongs(ElementType.UInt8, y, x.Dimensions));
        ctx.SetOutput(1, TensorData.FromFloats([scale]));
        ctx.SetOutput(2, Numbers.FromLongs(ElementType.UInt8, [(long)zp], []));
    }

    /// <summary>QLinearMatMul: integer matmul of the zero-point-shifted operands, rescaled and requantized.</summary>
    public static void QLinearMatMul(EvaluationContext ctx)
    {
        var a = ctx.Tensor(0);
        var b = ctx.Tensor(3);
        var da = Dequantized(ctx, a, 1, 2, rowOf: true);
        var db = Dequantized(ctx, b, 4, 5, rowOf: false);
        var (r, dims) = MatMulKernels.Batched(ctx, da, a.Dimensions, db, b.Dimensions);
        double ys = Numbers.FirstDouble(ctx, ctx.Tensor(6));
        var yzT = ctx.Tensor(7);
        double yz = Numbers.FirstDouble(ctx, yzT);
        var type = Numbers.OutputType(ctx, 0);
        var (lo, hi) = QuantizeKernels.Range(type);
        for (int i = 0; i < r.Length; i++)
        {
            double q = (double)(float)(r[i] / ys);
            r[i] = MiniFloats.IsFloat8(type) ? q + yz : System.Math.Clamp(System.Math.Round(q, MidpointRounding.ToEven) + yz, lo, hi);
        }
        ctx.SetOutput(0, Numbers.FromDoubles(type, r, dims));
    }

    /// <summary>(q - zero_point) * scale, with per-row (A) or per-column (B) scales when they have several elements.</summary>
    private static double[] Dequantized(EvaluationContext ctx, TensorData q, int scaleIndex, int zpIndex, bool rowOf)
    {
        var v = Numbers.ReadDoubles(q);
        var s = Numbers.ReadDoubles(ctx.Tensor(scaleIndex));
        var z = Numbers.ReadDoubles(ctx.Tensor(zpIndex));
        ImmutableArray<long> d = q.Dimensions;
        int cols = d.Length == 0 ? 1 : (int)d[^1];
        int rows = d.Length < 2 ? 1 : (int)d[^2];
        for (int i = 0; i < v.Length; i++)
        {
            int k = rowOf ? i / System.Math.Max(cols, 1) % System.Math.Max(rows, 1) : i % System.Math.Max(cols, 1);
            int si = s.Length == 1 ? 0 : k % s.Length, zi = z.Length == 1 ? 0 : k % z.Length;
            v[i] = (v[i] - z[zi]) * s[si];
        }
        return v;
    }
}
