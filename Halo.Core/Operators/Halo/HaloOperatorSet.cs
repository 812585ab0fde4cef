namespace Halo.Core.Operators.Halo;

/// <summary>
/// The <c>ai.halo</c> domain: operators HALO's passes introduce that ONNX cannot express, such as convolution and
/// pooling in channel-last (NHWC) layout. Each carries type and shape inference and reference semantics, so the
/// verifier, constant folding and the interpreter's reference fallback handle them like ONNX operators.
/// </summary>
public static class HaloOperatorSet
{
    /// <summary>The domain name, <c>ai.halo</c>.</summary>
    public const string Domain = "ai.halo";

    /// <summary>The opset version of every operator in the domain (the domain has one version so far).</summary>
    public const int Version = 1;

    /// <summary>The attribute naming the data layout of a layout-carrying operator: <see cref="ChannelLast"/>
    /// (the default) or <see cref="ChannelFirst"/>.</summary>
    public const string DataLayoutAttribute = "data_layout";

    /// <summary>Channel-last layout (<c>NHWC</c>; for any spatial rank: batch, spatial axes, channels).</summary>
    public const string ChannelLast = "NHWC";

    /// <summary>Channel-first layout (<c>NCHW</c>; batch, channels, spatial axes), as ONNX operators use.</summary>
    public const string ChannelFirst = "NCHW";

    /// <summary>The ONNX operators that have an <c>ai.halo</c> counterpart with a <see cref="DataLayoutAttribute"/>:
    /// Conv, MaxPool, AveragePool, GlobalAveragePool and BatchNormalization (single result, inference mode).</summary>
    public static IReadOnlyList<string> LayoutOperators { get; } = LayoutOperatorSchemas.Names;

    internal static void Register(OperatorSetBuilder s) => LayoutOperatorSchemas.Register(s);
}
