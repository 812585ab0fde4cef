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

    /// <summary>Whether the options change nothing.</summary>
    public bool IsEmpty => BatchSize is null && Shapes.IsDefaultOrEmpty;

    /// <summary>Whether both hold the same batch size and shapes.</summary>
    public bool Equals(InputShapeOptions? other) => other is not null && other.BatchSize == BatchSize
        && (other.Shapes.IsDefault ? [] : other.Shapes).SequenceEqual(Shapes.IsDefault ? [] : Shapes);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(BatchSize, Shapes.IsDefault ? 0 : Shapes.Length);
}
