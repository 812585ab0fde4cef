using System.Collections.Immutable;
using Halo.Core.IR.Types;

namespace Halo.Core.IR;

/// <summary>A sparse constant in COO form: non-zero values, their indices and the dense shape.</summary>
/// <param name="values">The non-zero values, a 1-D tensor of NNZ elements.</param>
/// <param name="indices">int64 indices: [NNZ, rank] coordinates or [NNZ] linearized positions.</param>
/// <param name="dimensions">The dense shape.</param>
public sealed class SparseTensorData(TensorData values, TensorData indices, ImmutableArray<long> dimensions)
{
    /// <summary>The non-zero values.</summary>
    public TensorData Values { get; } = values ?? throw new ArgumentNullException(nameof(values));

    /// <summary>The int64 indices of the values.</summary>
    public TensorData Indices { get; } = indices ?? throw new ArgumentNullException(nameof(indices));

    /// <summary>The dense shape.</summary>
    public ImmutableArray<long> Dimensions { get; } = dimensions.IsDefault ? ImmutableArray<long>.Empty : dimensions;

    /// <summary>The sparse tensor type.</summary>
    public SparseTensorType Type => new(Values.ElementType, Shape.Of(Dimensions.AsSpan()));

    /// <summary>Structural comparison.</summary>
    public bool IsEquivalentTo(SparseTensorData other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Values.IsEquivalentTo(other.Values) && Indices.IsEquivalentTo(other.Indices)
            && Dimensions.SequenceEqual(other.Dimensions);
    }
}
