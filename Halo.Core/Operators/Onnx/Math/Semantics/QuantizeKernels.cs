using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Math.Semantics;

/// <summary>Reference kernels of QuantizeLinear and DequantizeLinear: per-tensor, per-axis (1-D scale along axis)
/// and blocked (scale of x's rank, block_size elements per scale along axis) quantization.</summary>
internal static class QuantizeKernels
{
    /// <summary>y = saturate(round_half_even(x / scale) + zero_point); float8 results convert with saturate.</summary>
    public static void Quantize(EvaluationContext ctx)
    {
        var x = ctx.Tensor(0);
        var scale = Numbers.ReadDoubles(ctx.Tensor(1));
        var zpTensor = ctx.OptionalTensor(2);
        var zp = zpTensor is null ? null : Numbers.ReadDoubles(zpTensor);
        CheckZeroPoint(ctx, scale, zp);
        var map = ScaleMap(ctx, x, ctx.Tensor(1));
        var v = Numbers.ReadDoubles(x);
        var type = Numbers.OutputType(ctx, 0);
        bool minifloat = MiniFloats.IsFloat8(type);
        var (lo, hi) = Range(type);
        for (int i = 0; i < v.Length; i++)
        {
            double z = zp is null ? 0 : zp[map[i]];
            double q = InPrecisionOf(x.ElementType, v[i] / scale[map[i]]);
            v[i] = minifloat ? q + z : System.Math.Clamp(System.Math.Round(q, MidpointRounding.ToEven) + z, lo, hi);
        }
        ctx.SetOutput(0, minifloat
            ? MiniFloats.Write(type, v, x.Dimensions, ctx.GetInt("saturate", 1) != 0)
            : Numbers.FromDoubles(type, v, x.Dimensions));
    }

    /// <summary>The quotient x / scale rounded to x's type: ONNX divides in T1, and a float32 quotient that rounds to
    /// a .5 boundary (25.49999... in double, 25.5 in float32) rounds to another integer. Rounding the double
    /// quotient once more is exact for float32 and float16 (53 ≥ 2p + 2 bits).</summary>
    private static double InPrecisionOf(ElementType type, double quotient) => type switch
    {
        ElementType.Float => (float)quotient,
        ElementType.Float16 => (double)(Half)quotient,
        _ => quotient,
    };

    /// <summary>y = (x - zero_point) * scale.</summary>
    public static void Dequantize(EvaluationContext ctx)
    {
        var x = ctx.Tensor(0);
        var scale = Numbers.ReadDoubles(ctx.Tensor(1));
        var zp = ctx.OptionalTensor(2) is { } z ? Numbers.ReadDoubles(z) : null;
        CheckZeroPoint(ctx, scale, zp);
        var map = ScaleMap(ctx, x, ctx.Tensor(1));
        var v = Numbers.ReadDoubles(x);
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = (v[i] - (zp is null ? 0 : zp[map[i]])) * scale[map[i]];
        }
        ctx.SetOutput(0, Numbers.FromDoubles(Numbers.OutputType(ctx, 0), v, x.Dimensions));
    }

    private static void CheckZeroPoint(EvaluationContext ctx, double[] scale, double[]? zeroPoint)
    {
        if (zeroPoint is not null && zeroPoint.Length != scale.Length)
        {
            ctx.Fail($"the zero point has {zeroPoint.Length} elements, the scale {scale.Length}");
        }
    }

    /// <summary>The inclusive range of an integer type.</summary>
    public static (double Lo, double Hi) Range(ElementType type)
    {
        if (!type.IsInteger())
        {
            return (double.NegativeInfinity, double.PositiveInfinity);
        }
        int bits = type.BitWidth();
        bool signed = type is ElementType.Int4 or ElementType.Int8 or ElementType.Int16 or ElementType.Int32 or ElementType.Int64;
        return signed ? (-System.Math.Pow(2, bits - 1), System.Math.Pow(2, bits - 1) - 1) : (0, System.Math.Pow(2, bits) - 1);
    }

    /// <summary>For each element of x, the index of its scale (and zero point).</summary>
    private static int[] ScaleMap(EvaluationContext ctx, TensorData x, TensorData scale)
    {
        var map = new int[x.ElementCount];
        long block = ctx.GetInt("block_size", 0);
        if (scale.Dimensions.Length == 0 || (scale.ElementCount == 1 && block == 0))
        {
            return map;
        }
        int axis = Axes.Normalize(ctx, ctx.GetInt("axis", 1), x.Dimensions.Length);
        var (_, size, inner) = Axes.Split(x.Dimensions, axis);
        if (block <= 0)
        {
            if (scale.ElementCount != size)
            {
                ctx.Fail($"the scale has {scale.ElementCount} elements, expected {size} along axis {axis}");
            }
            for (int i = 0; i < map.Length; i++)
            {
                map[i] = i / inner % size;
            }
            return map;
        }
        int blocks = (int)scale.Dimensions[axis];
        if (scale.Dimensions.Length != x.Dimensions.Length || blocks * block < size)
        {
            ctx.Fail($"the blocked scale's shape does not cover x with block_size {block}");
        }
        for (int i = 0; i < map.Length; i++)
        {
            int o = i / inner / size, c = i / inner % size, r = i % inner;
            map[i] = (((o * blocks) + (int)(c / block)) * inner) + r;
        }
        return map;
    }
}
