using System.Collections.Immutable;

namespace Halo.Passes.Shapes;

/// <summary>Options of <see cref="PinInputShapes"/>: HALO's <c>--batch-size</c> and <c>--input-shape</c>.</summary>
public sealed record InputShapeOptions
{
    /// <summary>The batch size that replaces the first dimension of every input of rank ≥ 1 (HALO assumes that
    /// dimension is the batch, whether it is symbolic, unknown or static); null to keep it.</summary>
    public long? BatchSize { get; init; }

    /// <summary>Shapes that replace the declared shapes of the named inputs; applied after <see cref="BatchSize"/>.</summary>
    public ImmutableArray<InputShape> Shapes { get; init; } = [];

    /// <summary>When <see cref="BatchSize"/> is null: pin to 1 the unknown or symbolic first dimension of each input
    /// whose other dimensions are static and that <see cref="Shapes"/> does not name (what HALO compiles a
    /// TensorFlow <c>-1</c> batch as).</summary>
    public bool UnknownBatchAsOne { get; init; }

    /// <summary>Whether the options change nothing.</summary>
    public bool IsEmpty => BatchSize is null && Shapes.IsDefaultOrEmpty && !UnknownBatchAsOne;

    /// <summary>Whether both hold the same batch size, shapes and unknown-batch rule.</summary>
    public bool Equals(InputShapeOptions? other) => other is not null && other.BatchSize == BatchSize
        && other.UnknownBatchAsOne == UnknownBatchAsOne
        && (other.Shapes.IsDefault ? [] : other.Shapes).SequenceEqual(Shapes.IsDefault ? [] : Shapes);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(BatchSize, UnknownBatchAsOne, Shapes.IsDefault ? 0 : Shapes.Length);
}
