namespace Halo.Backends.Odla.Lowering;

/// <summary>BatchNormalization (inference; also channel-last for <c>ai.halo</c>, see <see cref="LayoutLowerings"/>),
/// InstanceNormalization, GroupNormalization, LRN and LpNormalization.</summary>
internal static class NormalizationLowerings
{
    public static void Register(LoweringTableBuilder table) => table
        .Add("BatchNormalization", c => BatchNormalization(c, ChannelLayout.First))
        .Add("InstanceNormalization", c => c.Define(0, $"odla_InstanceNormalization({c.Value(0)}, ODLA_CHANNELS_FIRST, " +
            $"{LoweringContext.F(c.Float("epsilon", 1e-5f))}, {c.Value(1)}, {c.Value(2)}, 1.0f, 0.0f, {c.OutputId()})"))
        .Add("GroupNormalization", c => c.Define(0, $"odla_GroupNormalization({c.Value(0)}, ODLA_CHANNELS_FIRST, " +
            $"{LoweringContext.I(c.Int("num_groups", 1))}, {LoweringContext.F(c.Float("epsilon", 1e-5f))}, {c.Value(1)}, {c.Value(2)}, " +
            $"1.0f, 0.0f, {c.OutputId()})"), minVersion: 21)
        .Add("LRN", c => c.Define(0, $"odla_LRN({c.Value(0)}, ODLA_CHANNELS_FIRST, {LoweringContext.I(c.Int("size", 1))}, " +
            $"{LoweringContext.F(c.Float("alpha", 1e-4f))}, {LoweringContext.F(c.Float("beta", 0.75f))}, " +
            $"{LoweringContext.F(c.Float("bias", 1f))}, {c.OutputId()})"))
        .Add("LpNormalization", c => c.Define(0, $"odla_LpNormalize({c.Value(0)}, {LoweringContext.I(c.Int("p", 2))}, " +
            $"ODLA_CHANNELS_FIRST, 1, {c.Module.Int32Array([LoweringContext.NormalizeAxis(c.Int("axis", -1), c.InputRank(0))])}, " +
            $"0.0f, NULL, {c.OutputId()})"));

    /// <summary>Inference-mode BatchNormalization with the data in <paramref name="layout"/> (per-channel operands [C]).</summary>
    public static bool BatchNormalization(LoweringContext c, ChannelLayout layout)
    {
        if (c.Int("training_mode", 0) != 0 && layout == ChannelLayout.First)
        {
            return NormalizationCompositeLowerings.BatchNormalizationTraining(c);
        }
        if (c.Int("training_mode", 0) != 0 || Enumerable.Range(1, c.OutputCount - 1).Any(c.IsOutputUsed))
        {
            return c.Unsupported("training mode (running statistics outputs) has no ODLA counterpart");
        }
        return c.Define(0, $"odla_BatchNormalization({c.Value(0)}, {layout.Odla}, {c.Value(3)}, {c.Value(4)}, " +
            $"{LoweringContext.F(c.Float("epsilon", 1e-5f))}, {c.Value(1)}, {c.Value(2)}, 1.0f, 0.0f, {c.OutputId()})");
    }
}
