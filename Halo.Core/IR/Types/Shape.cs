using System.Collections.Immutable;

namespace Halo.Core.IR.Types;

/// <summary>
/// The shape of a tensor: an unknown rank, or a list of <see cref="Dimension"/>s (empty for a scalar).
/// Immutable; compares by value.
/// </summary>
public sealed class Shape : IEquatable<Shape>
{
    private Shape(ImmutableArray<Dimension>? dimensions) => _dimensions = dimensions;

    private readonly ImmutableArray<Dimension>? _dimensions;

    /// <summary>A shape of unknown rank.</summary>
    public static Shape Unranked { get; } = new(null);

    /// <summary>The shape of a scalar (rank 0).</summary>
    public static Shape Scalar { get; } = new(ImmutableArray<Dimension>.Empty);

    /// <summary>A ranked shape of the given dimensions.</summary>
    public static Shape Of(ImmutableArray<Dimension> dimensions) =>
        dimensions.IsDefaultOrEmpty ? Scalar : new(dimensions);

    /// <summary>A ranked shape of the given dimensions.</summary>
    public static Shape Of(params ReadOnlySpan<Dimension> dimensions) => Of(ImmutableArray.Create(dimensions));

    /// <summary>A static shape of the given sizes.</summary>
    public static Shape Of(params ReadOnlySpan<long> sizes)
    {
        var builder = ImmutableArray.CreateBuilder<Dimension>(sizes.Length);
        foreach (long size in sizes)
        {
            builder.Add(Dimension.Of(size));
        }
        return Of(builder.MoveToImmutable());
    }

    /// <summary>A ranked shape whose dimensions are all unknown.</summary>
    public static Shape OfRank(int rank)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        return Of(ImmutableArray.CreateRange(Enumerable.Repeat(Dimension.Unknown, rank)));
    }

    /// <summary>Whether the rank is known.</summary>
    public bool IsRanked => _dimensions.HasValue;

    /// <summary>The rank; throws when the shape is unranked.</summary>
    public int Rank => _dimensions?.Length ?? throw new InvalidOperationException("The shape has no known rank.");

    /// <summary>The dimensions; empty for both scalars and unranked shapes (check <see cref="IsRanked"/>).</summary>
    public ImmutableArray<Dimension> Dimensions => _dimensions ?? ImmutableArray<Dimension>.Empty;

    /// <summary>The dimension at <paramref name="index"/>.</summary>
    public Dimension this[int index] => Dimensions[index];

    /// <summary>Whether the rank and every dimension are known numbers.</summary>
    public bool IsStatic => IsRanked && Dimensions.All(d => d.IsStatic);

    /// <summary>The product of the dimensions, or null when not static or when it overflows.</summary>
    public long? ElementCount
    {
        get
        {
            if (!IsStatic)
            {
                return null;
            }
            long count = 1;
            foreach (var d in Dimensions)
            {
                if (d.Value != 0 && count > long.MaxValue / d.Value)
                {
                    return null;
                }
                count *= d.Value;
            }
            return count;
        }
    }

    /// <summary>The static sizes; throws when not static.</summary>
    public long[] ToSizes() => IsStatic
        ? Dimensions.Select(d => d.Value).ToArray()
        : throw new InvalidOperationException("The shape is not static.");

    /// <inheritdoc />
    public bool Equals(Shape? other) =>
        other is not null && (ReferenceEquals(this, other) || (IsRanked == other.IsRanked
            && Dimensions.AsSpan().SequenceEqual(other.Dimensions.AsSpan())));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Shape);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(IsRanked);
        foreach (var d in Dimensions)
        {
            hash.Add(d);
        }
        return hash.ToHashCode();
    }

    /// <summary>Text form: <c>[1,3,N,?]</c>, <c>[]</c> for scalars, <c>[*]</c> when unranked.</summary>
    public override string ToString() => IsRanked ? "[" + string.Join(",", Dimensions) + "]" : "[*]";
}
