using Halo.Core.IR.Types;
using static Halo.Backends.Odla.Lowering.OdlaComposition;
using static Halo.Backends.Odla.Lowering.QuantizedArithmetic;

namespace Halo.Backends.Odla.Lowering;

/// <summary>ConvInteger and QLinearConv: <c>odla_Conv</c> on the zero-point-shifted operands in float32 (exact
/// integer sums), then cast to int32, or biased, rescaled by x_scale·w_scale/y_scale per output channel and
/// requantized (see <see cref="QuantizedArithmetic"/>).</summary>
internal static class QuantizedConvolutionLowerings
{
    public static void Register(LoweringTableBuilder table) => table
        .Add("ConvInteger", ConvInteger)
        .Add("QLinearConv", QLinearConv);

    private static bool ConvInteger(LoweringContext c)
    {
        if (Convolve(c, 0, 2, 1, 3) is not { } sums)
        {
            return c.Unsupported("the input must have a batch, a channel and at least one spatial dimension");
        }
        return c.Define(0, $"odla_Cast({sums}, ODLA_INT32, {c.OutputId()})");
    }

    private static bool QLinearConv(LoweringContext c)
    {
        if (!IsEightBit(c.OutputType().ElementType))
        {
            return c.Unsupported($"{c.OutputType().ElementType.GetName()} results have no ODLA quantization");
        }
        if (Convolve(c, 0, 2, 3, 5) is not { } sums)
        {
            return c.Unsupported("the input must have a batch, a channel and at least one spatial dimension");
        }
        int rank = c.OutputShape().Length;
        long[] PerChannel(long n) => [1, n, .. Enumerable.Repeat(1L, rank - 2)];
        if (c.HasInput(8))
        {
            sums = Binary(c, "odla_Add", sums, Broadcastable(c, 8, PerChannel));
        }
        string scale = Binary(c, "odla_Mul", AsFloat(c, 1), Broadcastable(c, 4, PerChannel));
        scale = Binary(c, "odla_Div", scale, AsFloat(c, 6));
        return Requantize(c, Binary(c, "odla_Mul", sums, scale), 7);
    }

    /// <summary>The convolution of (x - x_zero_point) with (w - w_zero_point) (per output channel) in float32.</summary>
    private static string? Convolve(LoweringContext c, int x, int xZero, int w, int wZero)
    {
        long[] input = c.InputShape(x);
        long[] weights = c.InputShape(w);
        if (input.Length < 3 || weights.Length != input.Length)
        {
            return null;
        }
        var geometry = WindowGeometry.Forward(c, input[2..], weights[2..], c.OutputShape()[2..]);
        string data = Shifted(c, x, xZero, n => [n]);
        string kernel = Shifted(c, w, wZero, n => [n, .. Enumerable.Repeat(1L, weights.Length - 1)]);
        var m = c.Module;
        return Call(c, $"odla_Conv({data}, ODLA_CHANNELS_FIRST, {LoweringContext.I(c.Int("group", 1))}, {kernel}, ODLA_OIS, " +
            $"{m.UInt32Array(geometry.Strides)}, {m.UInt32Array(geometry.Dilations)}, {m.UInt32Array(geometry.Front)}, " +
            $"{m.UInt32Array(geometry.Back)}, NULL, {m.Shape(c.OutputShape())}, {TempId(c)})");
    }
}
