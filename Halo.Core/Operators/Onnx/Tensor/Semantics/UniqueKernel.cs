using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Tensor.Semantics;

/// <summary>Reference semantics of Unique: elements or slices along an axis, sorted or in first-occurrence order,
/// with the indices, inverse_indices and counts results.</summary>
internal static class UniqueKernel
{
    public static void Unique(EvaluationContext ctx)
    {
        var data = ctx.Tensor(0);
        bool flat = ctx.Attributes.ContainsKey("axis") is false;
        var d = flat ? ImmutableArray.Create(data.ElementCount) : data.Dimensions;
        int axis = flat ? 0 : IndexMath.Axis(ctx, ctx.GetInt("axis", 0), d.Length);
        long dim = d[axis], outer = IndexMath.Product(d, 0, axis), inner = IndexMath.Product(d, axis + 1);
        Comparison<long> compare = Comparer(data, dim, outer, inner);
        var (firsts, counts, groupOf) = Group(dim, compare);
        var rank = Enumerable.Range(0, firsts.Count).ToArray();
        if (ctx.GetInt("sorted", 1) == 0)
        {
            Array.Sort(rank, (a, b) => firsts[a].CompareTo(firsts[b]));
        }
        var position = new long[firsts.Count];
        for (int p = 0; p < rank.Length; p++)
        {
            position[rank[p]] = p;
        }
        var writer = new ElementWriter(data.ElementType, outer * firsts.Count * inner);
        for (long o = 0; o < outer; o++)
        {
            for (int p = 0; p < rank.Length; p++)
            {
                writer.CopyRange((o * firsts.Count + p) * inner, data, (o * dim + firsts[rank[p]]) * inner, inner);
            }
        }
        ctx.SetOutput(0, writer.Build(d.SetItem(axis, firsts.Count)));
        ctx.SetOutput(1, Vector([.. rank.Select(g => firsts[g])]));
        ctx.SetOutput(2, Vector([.. groupOf.Select(g => position[g])]));
        ctx.SetOutput(3, Vector([.. rank.Select(g => counts[g])]));
    }

    /// <summary>Groups equal slices: each group's first slice and size (groups in sorted order), and each slice's group.</summary>
    private static (List<long> Firsts, List<long> Counts, long[] GroupOf) Group(long dim, Comparison<long> compare)
    {
        // A stable sort keeps equal slices in index order, so a group's first member is its first occurrence.
        var sorted = IndexMath.Iota(dim).OrderBy(i => i, System.Collections.Generic.Comparer<long>.Create(compare)).ToArray();
        var groupOf = new long[dim];
        var firsts = new List<long>();
        var counts = new List<long>();
        for (int i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || compare(sorted[i - 1], sorted[i]) != 0)
            {
                firsts.Add(sorted[i]);
                counts.Add(0);
            }
            groupOf[sorted[i]] = firsts.Count - 1;
            counts[^1]++;
        }
        return (firsts, counts, groupOf);
    }

    private static TensorData Vector(long[] values) => TensorData.FromInt64s(values, values.Length);

    /// <summary>Compares slices i and j (all of their elements, outer-major).</summary>
    private static Comparison<long> Comparer(TensorData data, long dim, long outer, long inner)
    {
        Func<long, long, int> element;
        if (data.ElementType == ElementType.String)
        {
            var s = data.Strings;
            element = (a, b) => string.CompareOrdinal(s[(int)a], s[(int)b]);
        }
        else if (data.ElementType.IsFloatingPoint())
        {
            var v = IndexMath.Doubles(data);
            element = (a, b) => v[a].CompareTo(v[b]);
        }
        else
        {
            var v = IndexMath.Longs(data);
            bool unsigned = data.ElementType == ElementType.UInt64;
            element = unsigned ? (a, b) => ((ulong)v[a]).CompareTo((ulong)v[b]) : (a, b) => v[a].CompareTo(v[b]);
        }
        return (i, j) =>
        {
            for (long o = 0; o < outer; o++)
            {
                for (long e = 0; e < inner; e++)
                {
                    int c = element(((o * dim) + i) * inner + e, ((o * dim) + j) * inner + e);
                    if (c != 0)
                    {
                        return c;
                    }
                }
            }
            return 0;
        };
    }
}
