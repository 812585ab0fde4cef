namespace Halo.Backends.Odla.Lowering;

/// <summary>Conv (<c>odla_Conv</c>) and ConvTranspose (<c>odla_DeConv</c>), NCHW data and OIS/IOS kernels as in ONNX;
/// Conv also with channel-last data for <c>ai.halo::Conv</c> (<see cref="LayoutLowerings"/>).</summary>
internal static class ConvolutionLowerings
{
    public static void Register(LoweringTableBuilder table) => table
        .Add("Conv", c => Conv(c, ChannelLayout.First))
        .Add("ConvTranspose", c => Lower(c, "odla_DeConv", "ODLA_IOS", transposed: true, ChannelLayout.First));

    /// <summary>Conv with the data in <paramref name="layout"/> and the weights in ONNX's OIHW (<c>ODLA_OIS</c>).</summary>
    public static bool Conv(LoweringContext c, ChannelLayout layout) => Lower(c, "odla_Conv", "ODLA_OIS", transposed: false, layout);

    private static bool Lower(LoweringContext c, string function, string kernelLayout, bool transposed, ChannelLayout layout)
    {
        var input = c.InputShape(0);
        if (input.Length < 3)
        {
            return c.Unsupported("the input must have a batch, a channel and at least one spatial dimension");
        }
        var spatialIn = layout.Spatial(input);
        var window = c.InputShape(1)[2..];
        var spatialOut = layout.Spatial(c.OutputShape());
        var geometry = transposed
            ? WindowGeometry.Transposed(c, spatialIn, window, spatialOut)
            : WindowGeometry.Forward(c, spatialIn, window, spatialOut);
        var m = c.Module;
        return c.Define(0, $"{function}({c.Value(0)}, {layout.Odla}, {LoweringContext.I(c.Int("group", 1))}, {c.Value(1)}, " +
            $"{kernelLayout}, {m.UInt32Array(geometry.Strides)}, {m.UInt32Array(geometry.Dilations)}, {m.UInt32Array(geometry.Front)}, " +
            $"{m.UInt32Array(geometry.Back)}, {c.Value(2)}, {c.OutputShapeExpression()}, {c.OutputId()})");
    }
}
