using Halo.Core.Operators.Halo;

namespace Halo.Backends.Odla.Lowering;

/// <summary>Where the channel axis of a convolution, pooling or normalization operand lies: ONNX's channel-first
/// (N, C, spatial...) or the channel-last (N, spatial..., C) of the <c>ai.halo</c> layout operators.</summary>
internal sealed class ChannelLayout
{
    private ChannelLayout(bool isLast) => IsLast = isLast;

    /// <summary>N, C, spatial... (<c>ODLA_CHANNELS_FIRST</c>), as every ONNX operator.</summary>
    public static ChannelLayout First { get; } = new(isLast: false);

    /// <summary>N, spatial..., C (<c>ODLA_CHANNELS_LAST</c>).</summary>
    public static ChannelLayout Last { get; } = new(isLast: true);

    public bool IsLast { get; }

    /// <summary>The <c>odla_memory_layout</c> enumerator of the data operand.</summary>
    public string Odla => IsLast ? "ODLA_CHANNELS_LAST" : "ODLA_CHANNELS_FIRST";

    /// <summary>The spatial sizes of a data shape (batch and channel axes removed).</summary>
    public long[] Spatial(long[] shape) => IsLast ? shape[1..^1] : shape[2..];

    /// <summary>The layout an <c>ai.halo</c> operator's <c>data_layout</c> attribute names; null for an unknown one.</summary>
    public static ChannelLayout? Of(LoweringContext c) =>
        c.String(HaloOperatorSet.DataLayoutAttribute, HaloOperatorSet.ChannelLast) switch
        {
            HaloOperatorSet.ChannelLast => Last,
            HaloOperatorSet.ChannelFirst => First,
            _ => null,
        };
}
