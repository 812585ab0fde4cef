namespace Halo.Backends.Odla.Lowering;

/// <summary>Conv (<c>odla_Conv</c>) and ConvTranspose (<c>odla_DeConv</c>), NCHW data and OIS/IOS kernels as in ONNX.</summary>
internal static class ConvolutionLowerings
{
    public static void Register(LoweringTableBuilder table) => table
        .Add("Conv", c => Lower(c, "odla_Conv", "ODLA_OIS", transposed: false))
        .Add("ConvTranspose", c => Lower(c, "odla_DeConv", "ODLA_IOS", transposed: true));

    private static bool Lower(LoweringContext c, string function, string kernelLayout, bool transposed)
    {
        var input = c.InputShape(0);
        if (input.Length < 3)
        {
            return c.Unsupported("the input must have a batch, a channel and at least one spatial dimension");
        }
        var spatialIn = input[2..];
        var window = c.InputShape(1)[2..];
        var spatialOut = c.OutputShape()[2..];
        var geometry = transposed
            ? WindowGeometry.Transposed(c, spatialIn, window, spatialOut)
            : WindowGeometry.Forward(c, spatialIn, window, spatialOut);
        var m = c.Module;
        return c.Define(0, $"{function}({c.Value(0)}, ODLA_CHANNELS_FIRST, {LoweringContext.I(c.Int("group", 1))}, {c.Value(1)}, " +
            $"{kernelLayout}, {m.UInt32Array(geometry.Strides)}, {m.UInt32Array(geometry.Dilations)}, {m.UInt32Array(geometry.Front)}, " +
            $"{m.UInt32Array(geometry.Back)}, {c.Value(2)}, {c.OutputShapeExpression()}, {c.OutputId()})");
    }
}
