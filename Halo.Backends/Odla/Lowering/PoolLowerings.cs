namespace Halo.Backends.Odla.Lowering;

/// <summary>MaxPool, AveragePool and their global forms (a window over all spatial dimensions); channel-first as in
/// ONNX, or channel-last for the <c>ai.halo</c> pools (<see cref="LayoutLowerings"/>). Channel-first pools that ODLA's
/// functions cannot express (dilations, more than two spatial dimensions, MaxPool's Indices output) use the Halo
/// extension's <c>odla_HaloMaxPool</c> / <c>odla_HaloAveragePool</c>.</summary>
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
        bool indices = c.OutputCount > 1 && c.IsOutputUsed(1);
        long storageOrder = c.Int("storage_order", 0);
        var spatialIn = layout.Spatial(input);
        var window = global ? spatialIn : c.Ints("kernel_shape") is { } k ? [.. k] : spatialIn;
        var geometry = global
            ? new WindowGeometry([.. spatialIn.Select(_ => 1L)], [.. spatialIn.Select(_ => 1L)], new long[spatialIn.Length], new long[spatialIn.Length])
            : WindowGeometry.Forward(c, spatialIn, window, layout.Spatial(c.OutputShape()));
        bool extension = indices || storageOrder != 0 || spatialIn.Length > 2 || geometry.Dilations.Any(d => d != 1);
        if (extension)
        {
            return layout.IsLast
                ? c.Unsupported("channel-last pools with dilations, Indices or more than two spatial dimensions have no ODLA counterpart")
                : ExtensionPool(c, max, window, geometry, storageOrder != 0);
        }
        var m = c.Module;
        string common = $"{c.Value(0)}, {layout.Odla}, {m.UInt32Array(window)}, {m.UInt32Array(geometry.Strides)}, " +
            $"{m.UInt32Array(geometry.Front)}, {m.UInt32Array(geometry.Back)}";
        return max
            ? c.Define(0, $"odla_MaxPool({common}, {c.OutputShapeExpression()}, {c.OutputId()})")
            : c.Define(0, $"odla_AveragePool({common}, {LoweringContext.B(c.Int("count_include_pad", 0) != 0)}, {c.OutputShapeExpression()}, {c.OutputId()})");
    }

    private static bool ExtensionPool(LoweringContext c, bool max, long[] window, WindowGeometry geometry, bool columnMajor)
    {
        var m = c.Module;
        // ONNX: count_include_pad counts the explicit pads only, not the overhang of a ceil_mode window
        // (test_averagepool_3d_dilations_large_count_include_pad_is_1_ceil_mode_is_True), so the runtime gets the
        // attribute's pads (auto_pad's when set) and the output shape carries ceil_mode.
        long[] back = (c.String("auto_pad", "NOTSET") ?? "NOTSET") != "NOTSET" ? geometry.Back
            : c.Ints("pads") is { } pads && pads.Length == 2 * window.Length ? [.. pads.Skip(window.Length)]
            : new long[window.Length];
        string common = $"{c.Value(0)}, {m.UInt32Array(window)}, {m.UInt32Array(geometry.Strides)}, {m.UInt32Array(geometry.Dilations)}, " +
            $"{m.UInt32Array(geometry.Front)}, {m.UInt32Array(back)}";
        if (!max)
        {
            return c.Define(0, $"{m.HaloExtension("odla_HaloAveragePool")}({common}, {LoweringContext.B(c.Int("count_include_pad", 0) != 0)}, " +
                $"{c.OutputShapeExpression()}, {c.OutputId()})");
        }
        var outputs = c.OutputCount > 1 && c.IsOutputUsed(1) ? new[] { 0, 1 } : [0];
        string ids = m.Ids([c.OutputId(0), c.OutputCount > 1 ? c.OutputId(1) : m.Id(null)]);
        string results = m.NewArrayName("r");
        m.Statements.Add($"odla_values {results} = {m.HaloExtension("odla_HaloMaxPool")}({common}, {LoweringContext.B(columnMajor)}, " +
            $"{c.OutputShapeExpression()}, {ids});");
        foreach (int output in outputs)
        {
            c.Define(output, $"{results}.values[{output.ToString(System.Globalization.CultureInfo.InvariantCulture)}]");
        }
        return true;
    }
}
