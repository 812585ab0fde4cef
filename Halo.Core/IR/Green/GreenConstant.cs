using Halo.Core.IR.Types;

namespace Halo.Core.IR.Green;

/// <summary>A constant: dense <see cref="TensorData"/> or a sparse tensor.</summary>
public sealed class GreenConstant : GreenNode
{
    /// <summary>A dense constant.</summary>
    public GreenConstant(TensorData data)
        : base([(data ?? throw new ArgumentNullException(nameof(data))).Type]) => Data = data;

    /// <summary>A sparse constant.</summary>
    public GreenConstant(SparseTensorData sparse)
        : base([(sparse ?? throw new ArgumentNullException(nameof(sparse))).Type]) => Sparse = sparse;

    /// <inheritdoc />
    public override GreenNodeKind Kind => GreenNodeKind.Constant;

    /// <summary>The dense data; null for a sparse constant.</summary>
    public TensorData? Data { get; }

    /// <summary>The sparse data; null for a dense constant.</summary>
    public SparseTensorData? Sparse { get; }

    /// <summary>The constant's type.</summary>
    public IrType Type => OutputTypes[0];

    /// <inheritdoc />
    public override bool IsEquivalentTo(GreenNode other) => other is GreenConstant c
        && (Data is null ? c.Data is null && c.Sparse is not null && Sparse!.IsEquivalentTo(c.Sparse)
            : c.Data is not null && Data.IsEquivalentTo(c.Data));
}
