using Halo.Core.Operators.Halo;

namespace Halo.Backends.Odla.Lowering;

/// <summary>The layout-carrying <c>ai.halo</c> operators (<see cref="HaloOperatorSet.LayoutOperators"/>) that
/// <c>--reorder-data-layout</c> produces: the ONNX lowerings of their namesakes with the data operand in the layout
/// <c>data_layout</c> names. Conv weights stay OIHW (<c>ODLA_OIS</c>); per-channel operands stay [C].</summary>
internal static class LayoutLowerings
{
    public static void Register(LoweringTableBuilder table) => table
        .Add("Conv", c => WithLayout(c, layout => ConvolutionLowerings.Conv(c, layout)), domain: HaloOperatorSet.Domain)
        .Add("MaxPool", c => WithLayout(c, layout => PoolLowerings.Pool(c, max: true, global: false, layout)), domain: HaloOperatorSet.Domain)
        .Add("AveragePool", c => WithLayout(c, layout => PoolLowerings.Pool(c, max: false, global: false, layout)), domain: HaloOperatorSet.Domain)
        .Add("GlobalAveragePool", c => WithLayout(c, layout => PoolLowerings.Pool(c, max: false, global: true, layout)), domain: HaloOperatorSet.Domain)
        .Add("BatchNormalization", c => WithLayout(c, layout => NormalizationLowerings.BatchNormalization(c, layout)), domain: HaloOperatorSet.Domain);

    private static bool WithLayout(LoweringContext c, Func<ChannelLayout, bool> lower) => ChannelLayout.Of(c) is { } layout
        ? lower(layout)
        : c.Unsupported($"data_layout '{c.String(HaloOperatorSet.DataLayoutAttribute, null)}' is neither " +
            $"'{HaloOperatorSet.ChannelLast}' nor '{HaloOperatorSet.ChannelFirst}'");
}
