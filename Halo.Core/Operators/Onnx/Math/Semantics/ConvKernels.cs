using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Math.Semantics;

/// <summary>Reference kernels of the integer convolutions ConvInteger and QLinearConv (any number of spatial
/// dimensions, group, strides, dilations, pads, auto_pad), computed exactly on zero-point-shifted values.</summary>
internal static class ConvKernels
{
    /// <summary>ConvInteger: (x - x_zero_point) * (w - w_zero_point) in int32.</summary>
    public static void ConvInteger(EvaluationContext ctx)
    {
        var x = ctx.Tensor(0);
        var w = ctx.Tensor(1);
        var xs = Shifted(ctx, x, ctx.OptionalTensor(2), 1);
        var ws = Shifted(ctx, w, ctx.OptionalTensor(3), (int)Per(w));
        var (y, dims) = Convolve(ctx, xs, x.Dimensions, ws, w.Dimensions);
        var l = new long[y.Length];
        for (int i = 0; i < l.Length; i++)
        {
            l[i] = (long)y[i];
        }
        ctx.SetOutput(0, Numbers.FromLongs(ElementType.Int32, l, dims));
    }

    /// <summary>QLinearConv: integer convolution plus bias, rescaled by x_scale * w_scale / y_scale and requantized.</summary>
    public static void QLinearConv(EvaluationContext ctx)
    {
        var x = ctx.Tensor(0);
        var w = ctx.Tensor(3);
        var xs = Shifted(ctx, x, ctx.Tensor(2), 1);
        var ws = Shifted(ctx, w, ctx.Tensor(5), (int)Per(w));
        var (y, dims) = Convolve(ctx, xs, x.Dimensions, ws, w.Dimensions);
        double xScale = Numbers.FirstDouble(ctx, ctx.Tensor(1));
        var wScale = Numbers.ReadDoubles(ctx.Tensor(4));
        double yScale = Numbers.FirstDouble(ctx, ctx.Tensor(6));
        double yZero = Numbers.FirstDouble(ctx, ctx.Tensor(7));
        var bias = ctx.OptionalTensor(8) is { } b ? Numbers.ReadDoubles(b) : null;
        int m = (int)dims[1];
        int spatial = m == 0 || dims[0] == 0 ? 1 : y.Length / (int)dims[0] / m;
        var type = Numbers.OutputType(ctx, 0);
        var (lo, hi) = QuantizeKernels.Range(type);
        for (int i = 0; i < y.Length; i++)
        {
            int c = i / System.Math.Max(spatial, 1) % System.Math.Max(m, 1);
            double scale = xScale * wScale[wScale.Length == 1 ? 0 : c] / yScale;
            double acc = y[i] + (bias is null ? 0 : bias[c]);
            y[i] = System.Math.Clamp(System.Math.Round((float)(acc * scale), MidpointRounding.ToEven) + yZero, lo, hi);
        }
        ctx.SetOutput(0, Numbers.FromDoubles(type, y, dims));
    }

    private static long Per(TensorData w) => w.Dimensions.Length == 0 ? 1 : w.ElementCount / System.Math.Max(w.Dimensions[0], 1);

    /// <summary>The values minus their zero point (one, or one per block of <paramref name="block"/> elements).</summary>
    private static double[] Shifted(EvaluationContext ctx, TensorData t, TensorData? zeroPoint, int block)
    {
        var v = Numbers.ReadDoubles(t);
        if (zeroPoint is null)
        {
            return v;
        }
        var z = Numbers.ReadDoubles(zeroPoint);
        for (int i = 0; i < v.Length; i++)
        {
            int zi = z.Length == 1 ? 0 : i / System.Math.Max(block, 1);
            if (zi >= z.Length)
            {
                ctx.Fail($"the zero point has {z.Length} elements, too few");
            }
            v[i] -= z[zi];
        }
        return v;
    }

    /// <summary>Cross-correlation of x [N, C, D...] with w [M, C/group, K...].</summary>
    private static (double[] Y, ImmutableArray<long> Dims) Convolve(EvaluationContext ctx, double[] x, ImmutableArray<long> xd,
        double[] w, ImmutableArray<long> wd)
    {
        var g = ConvGeometry.Create(ctx, xd, wd);
        var y = new double[Numbers.Count(ctx, g.OutputDims.AsSpan())];
        int n = (int)xd[0], c = (int)xd[1], m = (int)wd[0], group = g.Group, cg = c / group, mg = m / group;
        int outSpatial = g.OutputSpatial, inSpatial = g.InputSpatial, kSpatial = g.KernelSpatial;
        for (int b = 0; b < n; b++)
        {
            for (int oc = 0; oc < m; oc++)
            {
                int gi = oc / System.Math.Max(mg, 1);
                for (int o = 0; o < outSpatial; o++)
                {
                    double acc = 0;
                    for (int ic = 0; ic < cg; ic++)
                    {
                        int xBase = ((b * c) + (gi * cg) + ic) * inSpatial;
                        int wBase = ((oc * cg) + ic) * kSpatial;
                        for (int k = 0; k < kSpatial; k++)
                        {
                            int at = g.InputIndex(o, k);
                            if (at >= 0)
                            {
                                acc += x[xBase + at] * w[wBase + k];
                            }
                        }
                    }
                    y[(((b * m) + oc) * outSpatial) + o] = acc;
                }
            }
        }
        return (y, g.OutputDims);
    }
}
