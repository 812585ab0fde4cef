namespace Halo.Backends.Odla.Lowering;

/// <summary>MaxPool, AveragePool and their global forms (a window over all spatial dimensions); channel-first as in
/// ONNX, or channel-last for the <c>ai.halo</c> pools (<see cref="LayoutLowerings"/>).</summary>
internal static class PoolLowerings
{
    public static void Register(LoweringTableBuilder table) => table
        .Add("MaxPool", c => Pool(c, max: true, global: false, ChannelLayout.First))
        .Add("AveragePool", c => Pool(c, max: false, global: false, ChannelLayout.First))
        .Add("GlobalMaxPool", c => Pool(c, max: true, global: true, ChannelLayout.First))
        .Add("GlobalAveragePool", c => Pool(c, max: false, global: true, ChannelLayout.First));

    /// <summary>A max or average pool (<paramref name="global"/>: over all spatial dimensions) with the data in
    /// <paramref name="layout"/>.</summary>
    public static bool Pool(LoweringContext c, bool max, bool global, ChannelLayout layout)
    {
        var input = c.InputShape(0);
        if (input.Length < 3)
        {
            return c.Unsupported("the input must have a batch, a channel and at least one spatial dimension");
        }
        if (c.OutputCount > 1 && c.IsOutputUsed(1))
        {
            return c.Unsupported("the Indices output has no ODLA counterpart");
        }
        if (c.Int("storage_order", 0) != 0)
        {
            return c.Unsupported("storage_order 1 has no ODLA counterpart");
        }
        var spatialIn = layout.Spatial(input);
        var window = global ? spatialIn : c.Ints("kernel_shape") is { } k ? [.. k] : spatialIn;
        var geometry = global
            ? new WindowGeometry([.. spatialIn.Select(_ => 1L)], [.. spatialIn.Select(_ => 1L)], new long[spatialIn.Length], new long[spatialIn.Length])
            : WindowGeometry.Forward(c, spatialIn, window, layout.Spatial(c.OutputShape()));
        if (geometry.Dilations.Any(d => d != 1))
        {
            return c.Unsupported("dilations other than 1 have no ODLA counterpart");
        }
        var m = c.Module;
        string common = $"{c.Value(0)}, {layout.Odla}, {m.UInt32Array(window)}, {m.UInt32Array(geometry.Strides)}, " +
            $"{m.UInt32Array(geometry.Front)}, {m.UInt32Array(geometry.Back)}";
        return max
            ? c.Define(0, $"odla_MaxPool({common}, {c.OutputShapeExpression()}, {c.OutputId()})")
            : c.Define(0, $"odla_AveragePool({common}, {LoweringContext.B(c.Int("count_include_pad", 0) != 0)}, {c.OutputShapeExpression()}, {c.OutputId()})");
    }
}
