using System.Collections.Immutable;

namespace Halo.Core.Operators.Onnx.NeuralNetwork;

/// <summary>The sliding-window geometry of a convolution or pooling over n spatial axes.</summary>
/// <param name="Kernel">Kernel size per spatial axis.</param>
/// <param name="Strides">Stride per spatial axis.</param>
/// <param name="Dilations">Dilation per spatial axis.</param>
/// <param name="Pads">Explicit pads: n begin values, then n end values.</param>
/// <param name="AutoPad">NOTSET, VALID, SAME_UPPER or SAME_LOWER.</param>
/// <param name="CeilMode">Whether output sizes round up (pooling only).</param>
internal sealed record ConvWindow(
    ImmutableArray<long> Kernel,
    ImmutableArray<long> Strides,
    ImmutableArray<long> Dilations,
    ImmutableArray<long> Pads,
    string AutoPad,
    bool CeilMode)
{
    /// <summary>The number of spatial axes.</summary>
    public int SpatialRank => Kernel.Length;

    /// <summary>Whether auto_pad asks for SAME_UPPER or SAME_LOWER padding.</summary>
    public bool IsSame => AutoPad is "SAME_UPPER" or "SAME_LOWER";

    /// <summary>The extent of the dilated kernel along axis <paramref name="i"/>.</summary>
    public long EffectiveKernel(int i) => checked(((Kernel[i] - 1) * Dilations[i]) + 1);
}
