using System.Collections.Immutable;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Math.Semantics;

/// <summary>Numpy broadcasting: the result shape of several operands and, per operand, the flat source index of
/// each result element.</summary>
internal static class Broadcast
{
    /// <summary>The numpy broadcast of <paramref name="shapes"/>; fails when two sizes differ and neither is 1.</summary>
    public static long[] Shape(EvaluationContext ctx, params ImmutableArray<long>[] shapes)
    {
        int rank = 0;
        foreach (var s in shapes)
        {
            rank = System.Math.Max(rank, s.Length);
        }
        var result = new long[rank];
        result.AsSpan().Fill(1);
        foreach (var s in shapes)
        {
            for (int i = 0; i < s.Length; i++)
            {
                int k = rank - s.Length + i;
                long d = s[i];
                if (d == 1)
                {
                    continue;
                }
                if (result[k] != 1 && result[k] != d)
                {
                    ctx.Fail($"shapes [{string.Join(",", s)}] and [{string.Join(",", result)}] cannot be broadcast");
                }
                result[k] = d;
            }
        }
        return result;
    }

    /// <summary>For each element of the <paramref name="target"/> shape, the flat index of the element of a tensor of
    /// shape <paramref name="source"/> (right-aligned, sizes 1 repeated) that it reads.</summary>
    public static int[] Map(ImmutableArray<long> source, ReadOnlySpan<long> target)
    {
        int rank = target.Length;
        int offset = rank - source.Length;
        var strides = new long[rank];
        long stride = 1;
        for (int i = source.Length - 1; i >= 0; i--)
        {
            strides[i + offset] = source[i] == 1 ? 0 : stride;
            stride *= source[i];
        }
        long total = 1;
        foreach (long d in target)
        {
            total *= d;
        }
        var map = new int[total];
        var counter = new long[rank];
        long index = 0;
        for (int n = 0; n < map.Length; n++)
        {
            map[n] = (int)index;
            for (int k = rank - 1; k >= 0; k--)
            {
                counter[k]++;
                index += strides[k];
                if (counter[k] < target[k])
                {
                    break;
                }
                index -= strides[k] * counter[k];
                counter[k] = 0;
            }
        }
        return map;
    }

    /// <summary>Opset 1/6 broadcasting of B to A: with <c>broadcast</c> = 1, B's shape matches a run of A's dimensions
    /// starting at <c>axis</c> (default: the trailing ones); returns B's shape padded with 1s to A's rank.</summary>
    public static ImmutableArray<long> Legacy(EvaluationContext ctx, ImmutableArray<long> a, ImmutableArray<long> b)
    {
        if (ctx.Schema.Id.SinceVersion >= 7 || ctx.GetInt("broadcast", 0) == 0 || b.Length == 0)
        {
            return b;
        }
        long axis = ctx.Attr("axis") is null ? a.Length - b.Length : ctx.GetInt("axis", 0);
        if (axis < 0)
        {
            axis += a.Length;
        }
        if (axis < 0 || axis + b.Length > a.Length)
        {
            ctx.Fail($"axis {axis} does not place B's {b.Length} dimensions inside A's {a.Length}");
        }
        var padded = new long[a.Length];
        padded.AsSpan().Fill(1);
        for (int i = 0; i < b.Length; i++)
        {
            padded[axis + i] = b[i];
        }
        return [.. padded];
    }
}
