using Halo.Core.IR.Types;
using static Halo.Backends.Odla.Lowering.OdlaComposition;
using static Halo.Backends.Odla.Lowering.QuantizedArithmetic;

namespace Halo.Backends.Odla.Lowering;

/// <summary>MatMulInteger and QLinearMatMul: the zero-point-shifted operands multiplied exactly in float32 by
/// <c>odla_BatchMatMul</c>, then cast to int32 or rescaled by a_scale·b_scale/y_scale and requantized
/// (see <see cref="QuantizedArithmetic"/>).</summary>
internal static class QuantizedMatrixLowerings
{
    public static void Register(LoweringTableBuilder table) => table
        .Add("MatMulInteger", MatMulInteger)
        .Add("QLinearMatMul", QLinearMatMul);

    private static bool MatMulInteger(LoweringContext c)
    {
        if (Product(c, 0, 2, 1, 3) is not { } product)
        {
            return c.Unsupported("A and B must have rank 2 or more");
        }
        return c.Define(0, $"odla_Cast({product}, ODLA_INT32, {c.OutputId()})");
    }

    private static bool QLinearMatMul(LoweringContext c)
    {
        if (!IsEightBit(c.OutputType().ElementType))
        {
            return c.Unsupported($"{c.OutputType().ElementType.GetName()} results have no ODLA quantization");
        }
        if (Product(c, 0, 2, 3, 5) is not { } product)
        {
            return c.Unsupported("A and B must have rank 2 or more");
        }
        // ONNX: a_scale is per row of A ([M] -> [M, 1]), b_scale per column of B ([N] broadcasts on the last axis).
        string scale = Binary(c, "odla_Mul", Broadcastable(c, 1, n => [n, 1]), Broadcastable(c, 4, n => [n]));
        scale = Binary(c, "odla_Div", scale, AsFloat(c, 6));
        return Requantize(c, Binary(c, "odla_Mul", product, scale), 7);
    }

    /// <summary>(A - a_zero_point) · (B - b_zero_point) in float32, or null for a 0-D or 1-D operand.</summary>
    private static string? Product(LoweringContext c, int a, int aZero, int b, int bZero)
    {
        if (c.InputRank(a) < 2 || c.InputRank(b) < 2)
        {
            return null;
        }
        string left = Shifted(c, a, aZero, n => [n, 1]);
        string right = Shifted(c, b, bZero, n => [n]);
        return BatchMatMul(c, left, right, transposeB: false, c.OutputShape());
    }
}
