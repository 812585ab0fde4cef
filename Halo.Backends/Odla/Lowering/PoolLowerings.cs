namespace Halo.Backends.Odla.Lowering;

/// <summary>MaxPool, AveragePool and their global forms (a window over all spatial dimensions).</summary>
internal static class PoolLowerings
{
    public static void Register(LoweringTableBuilder table) => table
        .Add("MaxPool", c => Lower(c, max: true, global: false))
        .Add("AveragePool", c => Lower(c, max: false, global: false))
        .Add("GlobalMaxPool", c => Lower(c, max: true, global: true))
        .Add("GlobalAveragePool", c => Lower(c, max: false, global: true));

    private static bool Lower(LoweringContext c, bool max, bool global)
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
        var spatialIn = input[2..];
        var window = global ? spatialIn : c.Ints("kernel_shape") is { } k ? [.. k] : spatialIn;
        var geometry = global
            ? new WindowGeometry([.. spatialIn.Select(_ => 1L)], [.. spatialIn.Select(_ => 1L)], new long[spatialIn.Length], new long[spatialIn.Length])
            : WindowGeometry.Forward(c, spatialIn, window, c.OutputShape()[2..]);
        if (geometry.Dilations.Any(d => d != 1))
        {
            return c.Unsupported("dilations other than 1 have no ODLA counterpart");
        }
        var m = c.Module;
        string common = $"{c.Value(0)}, ODLA_CHANNELS_FIRST, {m.UInt32Array(window)}, {m.UInt32Array(geometry.Strides)}, " +
            $"{m.UInt32Array(geometry.Front)}, {m.UInt32Array(geometry.Back)}";
        return max
            ? c.Define(0, $"odla_MaxPool({common}, {c.OutputShapeExpression()}, {c.OutputId()})")
            : c.Define(0, $"odla_AveragePool({common}, {LoweringContext.B(c.Int("count_include_pad", 0) != 0)}, {c.OutputShapeExpression()}, {c.OutputId()})");
    }
}
