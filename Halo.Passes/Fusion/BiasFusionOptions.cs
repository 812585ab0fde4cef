namespace Halo.Passes.Fusion;

/// <summary>Options of <see cref="FuseBias"/>: which of HALO's bias fusions run.</summary>
public sealed record BiasFusionOptions
{
    /// <summary><c>--fuse-conv-bias</c>: Conv without bias + Add of a per-channel constant → Conv with bias.</summary>
    public bool ConvBias { get; init; }

    /// <summary><c>--fuse-matmul-bias</c>: 2-D MatMul + Add of a constant [N] or [1,N] → Gemm with C.</summary>
    public bool MatMulBias { get; init; }
}
