using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Types;

namespace Halo.Core.Operators.Onnx.Math.Semantics;

/// <summary>Type-agnostic element copies: builds a tensor whose element i is element map[i] of a source tensor
/// (any element type, strings and 4-bit types included).</summary>
internal static class ElementCopy
{
    /// <summary>result[i] = source[map[i]], shaped <paramref name="dims"/>.</summary>
    public static TensorData Gather(TensorData source, ReadOnlySpan<int> map, ImmutableArray<long> dims)
    {
        var type = source.ElementType;
        if (type == ElementType.String)
        {
            var strings = ImmutableArray.CreateBuilder<string>(map.Length);
            foreach (int i in map)
            {
                strings.Add(source.Strings[i]);
            }
            return TensorData.FromStrings(strings.MoveToImmutable(), dims);
        }
        var src = source.Bytes.Span;
        int bits = type.BitWidth();
        if (bits == 4)
        {
            var packed = new byte[(map.Length + 1) / 2];
            for (int n = 0; n < map.Length; n++)
            {
                int nibble = (src[map[n] / 2] >> (map[n] % 2 * 4)) & 0xF;
                packed[n / 2] |= (byte)(nibble << (n % 2 * 4));
            }
            return TensorData.FromBytes(type, dims, packed);
        }
        int size = bits / 8;
        var bytes = new byte[map.Length * size];
        for (int n = 0; n < map.Length; n++)
        {
            src.Slice(map[n] * size, size).CopyTo(bytes.AsSpan(n * size));
        }
        return TensorData.FromBytes(type, dims, bytes);
    }

    /// <summary>result[i] = pick[i] ? a[mapA[i]] : b[mapB[i]] (same element type).</summary>
    public static TensorData Select(bool[] pick, TensorData a, int[] mapA, TensorData b, int[] mapB, ImmutableArray<long> dims)
    {
        var ga = Gather(a, mapA, dims);
        var gb = Gather(b, mapB, dims);
        if (a.ElementType == ElementType.String)
        {
            var s = ImmutableArray.CreateBuilder<string>(pick.Length);
            for (int i = 0; i < pick.Length; i++)
            {
                s.Add(pick[i] ? ga.Strings[i] : gb.Strings[i]);
            }
            return TensorData.FromStrings(s.MoveToImmutable(), dims);
        }
        int size = a.ElementType.BitWidth() / 8;
        if (size == 0)
        {
            var la = Numbers.ReadLongs(ga);
            var lb = Numbers.ReadLongs(gb);
            for (int i = 0; i < pick.Length; i++)
            {
                la[i] = pick[i] ? la[i] : lb[i];
            }
            return Numbers.FromLongs(a.ElementType, la, dims);
        }
        var bytes = ga.Bytes.ToArray();
        var other = gb.Bytes.Span;
        for (int i = 0; i < pick.Length; i++)
        {
            if (!pick[i])
            {
                other.Slice(i * size, size).CopyTo(bytes.AsSpan(i * size));
            }
        }
        return TensorData.FromBytes(a.ElementType, dims, bytes);
    }
}
