using Halo.Core.IR.Types;
using static Halo.Backends.Odla.Lowering.OdlaComposition;

namespace Halo.Backends.Odla.Lowering;

/// <summary>
/// Shared steps of the integer and quantized lowerings. Integer operands are shifted by their zero points and
/// multiplied or convolved in float32: the products and sums of 8-bit integers stay exact in float32 up to 2^24,
/// far beyond the accumulations of the node tests, and the reference runtime's matmul and conv kernels are
/// floating-point only. Requantization is <c>odla_Quantize</c> with a unit scale: round half to even, add the
/// zero point, saturate, as ONNX says.
/// </summary>
internal static class QuantizedArithmetic
{
    /// <summary>Whether <paramref name="type"/> is an 8-bit integer type <c>odla_Quantize</c> produces.</summary>
    public static bool IsEightBit(ElementType type) => type is ElementType.UInt8 or ElementType.Int8;

    /// <summary>Operand <paramref name="index"/> as float32 minus its zero point (operand <paramref name="zeroIndex"/>,
    /// absent meaning 0); a zero point of several elements is reshaped to <paramref name="zeroDims"/> to broadcast.</summary>
    public static string Shifted(LoweringContext c, int index, int zeroIndex, Func<long, long[]> zeroDims)
    {
        string value = AsFloat(c, index);
        if (!c.HasInput(zeroIndex))
        {
            return value;
        }
        return Binary(c, "odla_Sub", value, Broadcastable(c, zeroIndex, zeroDims));
    }

    /// <summary>Operand <paramref name="index"/> as float32, reshaped to <paramref name="dims"/> when it has
    /// more than one element (per-row or per-channel scales and zero points).</summary>
    public static string Broadcastable(LoweringContext c, int index, Func<long, long[]> dims)
    {
        string value = AsFloat(c, index);
        long count = c.InputType(index).Shape.ElementCount ?? 1;
        return count > 1 ? Reshape(c, value, dims(count)) : value;
    }

    /// <summary>Operand <paramref name="index"/> converted to float32 (no call when it already is).</summary>
    public static string AsFloat(LoweringContext c, int index) =>
        c.InputType(index).ElementType == ElementType.Float ? c.Value(index) : Cast(c, c.Value(index), ElementType.Float);

    /// <summary>Defines output <paramref name="output"/> as round(<paramref name="value"/>) + zero point (operand
    /// <paramref name="zeroIndex"/>), saturated to the output type.</summary>
    public static bool Requantize(LoweringContext c, string value, int zeroIndex, int output = 0)
    {
        string one = Scalar(c, ElementType.Float, 1);
        string type = Emit.OdlaTypes.ToOdla(c.OutputType(output).ElementType)!;
        return c.Define(output, $"odla_Quantize({value}, {one}, {c.Value(zeroIndex)}, 0, {type}, {c.OutputId(output)})");
    }
}
