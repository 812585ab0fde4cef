using Halo.Core.Compilation;
using Halo.Core.IR;

namespace Halo.Passes.Fusion;

/// <summary>
/// HALO's <c>--fuse-conv-bias</c> and <c>--fuse-matmul-bias</c>. Conv(X, W) + B, with B a constant that adds one
/// value per output channel ([C,1,1], [1,C,1,1], or a single value; a [C] constant broadcasts along the last axis
/// under ONNX rules and is not a channel bias) becomes Conv(X, W, B'). MatMul(A, B) of 2-D operands + C, with C a
/// constant [N] or [1,N], becomes Gemm(A, B, C) (lowered to <c>odla_Gemm</c> with a bias). Either side of the Add
/// may be the constant; the Conv or MatMul result must have the Add as its only user and not be a graph output.
/// </summary>
/// <param name="options">Which fusions run.</param>
public sealed class FuseBias(BiasFusionOptions options) : IGraphPass
{
    private readonly BiasFusionOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <inheritdoc />
    public string Name => "fuse-bias";

    /// <inheritdoc />
    public PassStage Stage => PassStage.Optimize;

    /// <inheritdoc />
    public HaloModel Run(HaloModel model, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        if (!_options.ConvBias && !_options.MatMulBias)
        {
            return model;
        }
        long opset = model.OpsetImports.TryGetValue(string.Empty, out long v) ? v : long.MaxValue;
        return model.WithGraph(new BiasFuser(context.Registry, _options, opset).Rewrite(model.Graph));
    }
}
