using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Tensor.Semantics;

/// <summary>Builds a tensor of any element type by copying whole elements (bytes, nibbles or strings) from
/// source tensors of the same type: the type-agnostic core of the data-movement operators.</summary>
internal sealed class ElementWriter
{
    /// <summary>The most elements a reference result may have.</summary>
    public const long MaxElements = int.MaxValue;

    private readonly byte[] _bytes;
    private readonly string[]? _strings;
    private readonly int _bits;

    /// <summary>A writer of <paramref name="count"/> zero (or empty-string) elements.</summary>
    public ElementWriter(ElementType type, long count)
    {
        Check(count);
        Type = type;
        Count = count;
        _bits = type.BitWidth();
        if (type == ElementType.String)
        {
            _strings = new string[count];
            Array.Fill(_strings, string.Empty);
            _bytes = [];
        }
        else
        {
            _bytes = new byte[type.ByteCount(count)];
        }
    }

    /// <summary>The element type.</summary>
    public ElementType Type { get; }

    /// <summary>The element count.</summary>
    public long Count { get; }

    /// <summary>Fails when a result of <paramref name="count"/> elements is too large to build.</summary>
    public static void Check(long count)
    {
        if (count < 0 || count > MaxElements)
        {
            throw new EvaluationException($"the result would have {count} elements (at most {MaxElements} are supported)");
        }
    }

    /// <summary>Copies element <paramref name="srcIndex"/> of <paramref name="src"/> to <paramref name="dst"/>.</summary>
    public void Copy(long dst, TensorData src, long srcIndex)
    {
        if (_strings is not null)
        {
            _strings[dst] = src.Strings[(int)srcIndex];
        }
        else if (_bits == 4)
        {
            int nibble = (src.Bytes.Span[(int)(srcIndex >> 1)] >> (int)((srcIndex & 1) * 4)) & 0xF;
            int shift = (int)((dst & 1) * 4);
            ref byte b = ref _bytes[dst >> 1];
            b = (byte)((b & ~(0xF << shift)) | (nibble << shift));
        }
        else
        {
            int size = _bits / 8;
            src.Bytes.Span.Slice((int)srcIndex * size, size).CopyTo(_bytes.AsSpan((int)dst * size, size));
        }
    }

    /// <summary>Copies <paramref name="count"/> consecutive elements.</summary>
    public void CopyRange(long dst, TensorData src, long srcIndex, long count)
    {
        if (_strings is null && _bits % 8 == 0)
        {
            int size = _bits / 8;
            src.Bytes.Span.Slice((int)srcIndex * size, (int)count * size).CopyTo(_bytes.AsSpan((int)dst * size));
            return;
        }
        for (long i = 0; i < count; i++)
        {
            Copy(dst + i, src, srcIndex + i);
        }
    }

    /// <summary>The result tensor.</summary>
    public TensorData Build(ImmutableArray<long> dimensions) => _strings is not null
        ? TensorData.FromStrings([.. _strings], dimensions)
        : TensorData.FromBytes(Type, dimensions, _bytes);

    /// <summary><paramref name="src"/>'s elements with other dimensions (no copy of packed bytes).</summary>
    public static TensorData Reshape(TensorData src, ImmutableArray<long> dimensions) => src.ElementType == ElementType.String
        ? TensorData.FromStrings(src.Strings, dimensions)
        : TensorData.FromBytes(src.ElementType, dimensions, src.Bytes);

    /// <summary>out[i] = src[map[i]], or <paramref name="fill"/>'s only element (zero when null) where map[i] is negative.</summary>
    public static TensorData Take(TensorData src, ReadOnlySpan<long> map, ImmutableArray<long> dimensions, TensorData? fill = null)
    {
        var writer = new ElementWriter(src.ElementType, map.Length);
        for (int i = 0; i < map.Length; i++)
        {
            if (map[i] >= 0)
            {
                writer.Copy(i, src, map[i]);
            }
            else if (fill is not null)
            {
                writer.Copy(i, fill, 0);
            }
        }
        return writer.Build(dimensions);
    }
}
