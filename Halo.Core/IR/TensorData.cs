using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Halo.Core.IR.Types;

namespace Halo.Core.IR;

/// <summary>
/// The contents of a constant tensor: a static shape and either packed little-endian bytes over
/// <see cref="ReadOnlyMemory{T}"/> (no copy is made of memory handed in) or, for string tensors, a list
/// of strings. Immutable as long as the owner of the memory does not change it.
/// </summary>
public sealed class TensorData
{
    private TensorData(ElementType elementType, ImmutableArray<long> dimensions, ReadOnlyMemory<byte> bytes,
        ImmutableArray<string> strings)
    {
        ElementType = elementType;
        Dimensions = dimensions.IsDefault ? ImmutableArray<long>.Empty : dimensions;
        Bytes = bytes;
        Strings = strings.IsDefault ? ImmutableArray<string>.Empty : strings;
    }

    /// <summary>The element type.</summary>
    public ElementType ElementType { get; }

    /// <summary>The static sizes of each dimension (empty for a scalar).</summary>
    public ImmutableArray<long> Dimensions { get; }

    /// <summary>The packed element bytes (little-endian, 4-bit types two per byte, low nibble first);
    /// empty for string tensors.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>The elements of a string tensor; empty otherwise.</summary>
    public ImmutableArray<string> Strings { get; }

    /// <summary>The number of elements (the product of <see cref="Dimensions"/>).</summary>
    public long ElementCount => Dimensions.Aggregate(1L, (a, b) => a * b);

    /// <summary>The tensor type of this data.</summary>
    public TensorType Type => new(ElementType, Shape.Of(Dimensions.AsSpan()));

    /// <summary>Wraps packed bytes without copying them.</summary>
    /// <exception cref="ArgumentException">The byte count does not match the shape, or the type is string.</exception>
    public static TensorData FromBytes(ElementType elementType, ImmutableArray<long> dimensions, ReadOnlyMemory<byte> bytes)
    {
        if (elementType is ElementType.String or ElementType.Undefined)
        {
            throw new ArgumentException($"Element type {elementType} has no packed byte form.", nameof(elementType));
        }
        long count = CheckedElementCount(dimensions);
        long expected = elementType.ByteCount(count);
        if (expected != bytes.Length)
        {
            throw new ArgumentException($"Expected {expected} bytes for {elementType.GetName()}{Shape.Of(dimensions.AsSpan())}, got {bytes.Length}.", nameof(bytes));
        }
        return new(elementType, dimensions, bytes, default);
    }

    /// <summary>Creates a tensor from unmanaged values (copied).</summary>
    public static TensorData Create<T>(ElementType elementType, ReadOnlySpan<T> values, params ReadOnlySpan<long> dimensions)
        where T : unmanaged =>
        FromBytes(elementType, ImmutableArray.Create(dimensions), MemoryMarshal.AsBytes(values).ToArray());

    /// <summary>Creates a float32 tensor (copied).</summary>
    public static TensorData FromFloats(ReadOnlySpan<float> values, params ReadOnlySpan<long> dimensions) =>
        Create(ElementType.Float, values, dimensions);

    /// <summary>Creates an int64 tensor (copied).</summary>
    public static TensorData FromInt64s(ReadOnlySpan<long> values, params ReadOnlySpan<long> dimensions) =>
        Create(ElementType.Int64, values, dimensions);

    /// <summary>Creates a string tensor.</summary>
    public static TensorData FromStrings(ImmutableArray<string> values, ImmutableArray<long> dimensions)
    {
        long count = CheckedElementCount(dimensions);
        if (count != values.Length)
        {
            throw new ArgumentException($"Expected {count} strings, got {values.Length}.", nameof(values));
        }
        return new(ElementType.String, dimensions, ReadOnlyMemory<byte>.Empty, values);
    }

    /// <summary>Views the bytes as elements of <typeparamref name="T"/> (caller picks the matching type).</summary>
    public ReadOnlySpan<T> AsSpan<T>()
        where T : unmanaged => MemoryMarshal.Cast<byte, T>(Bytes.Span);

    /// <summary>Structural comparison: same type, shape and bytes (or strings).</summary>
    public bool IsEquivalentTo(TensorData other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ReferenceEquals(this, other) || (other.ElementType == ElementType
            && other.Dimensions.SequenceEqual(Dimensions)
            && other.Bytes.Span.SequenceEqual(Bytes.Span)
            && other.Strings.SequenceEqual(Strings, StringComparer.Ordinal));
    }

    /// <summary>Product of <paramref name="dimensions"/>, checking for negative sizes and overflow.</summary>
    /// <exception cref="ArgumentException">A size is negative or the product overflows.</exception>
    public static long CheckedElementCount(ImmutableArray<long> dimensions)
    {
        long count = 1;
        foreach (long d in dimensions.IsDefault ? ImmutableArray<long>.Empty : dimensions)
        {
            if (d < 0)
            {
                throw new ArgumentException($"Negative dimension {d}.", nameof(dimensions));
            }
            if (d != 0 && count > long.MaxValue / d)
            {
                throw new ArgumentException("The element count overflows.", nameof(dimensions));
            }
            count *= d;
        }
        return count;
    }

    /// <inheritdoc />
    public override string ToString() => Type.ToString();
}
