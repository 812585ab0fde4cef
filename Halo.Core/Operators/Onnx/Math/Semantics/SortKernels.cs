using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Math.Semantics;

/// <summary>Reference kernels of TopK (k as attribute before opset 10, operand after; largest, sorted; equal values
/// keep the lower index first) and CumSum (exclusive, reverse).</summary>
internal static class SortKernels
{
    /// <summary>TopK of any version.</summary>
    public static void TopK(EvaluationContext ctx)
    {
        var x = ctx.Tensor(0);
        int rank = x.Dimensions.Length;
        if (rank == 0)
        {
            ctx.Fail("the operand must have rank 1 or more");
        }
        int axis = Axes.Normalize(ctx, ctx.GetInt("axis", -1), rank);
        long k = ctx.Schema.Id.SinceVersion < 10 ? ctx.GetInt("k", 0) : Numbers.FirstLong(ctx, ctx.Tensor(1));
        var (outer, size, inner) = Axes.Split(x.Dimensions, axis);
        if (k < 0 || k > size)
        {
            ctx.Fail($"k = {k} is out of range for axis size {size}");
        }
        bool largest = ctx.GetInt("largest", 1) != 0;
        var compare = Compare(x, largest);
        int kk = (int)k;
        var map = new int[outer * kk * inner];
        var indices = new long[map.Length];
        var slice = new int[size];
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                int start = (o * size * inner) + i;
                for (int j = 0; j < size; j++)
                {
                    slice[j] = start + (j * inner);
                }
                Array.Sort(slice, compare);
                for (int j = 0; j < kk; j++)
                {
                    int dst = (((o * kk) + j) * inner) + i;
                    map[dst] = slice[j];
                    indices[dst] = (slice[j] - start) / inner;
                }
            }
        }
        var dims = x.Dimensions.SetItem(axis, k);
        ctx.SetOutput(0, ElementCopy.Gather(x, map, dims));
        ctx.SetOutput(1, Numbers.FromLongs(ElementType.Int64, indices, dims));
    }

    /// <summary>Orders flat indices: preferred values first, then lower indices (a total order, so sorting is stable).</summary>
    private static Comparison<int> Compare(IR.TensorData x, bool largest)
    {
        int sign = largest ? -1 : 1;
        if (Numbers.IsFloat(x.ElementType))
        {
            var d = Numbers.ReadDoubles(x);
            return (a, b) => d[a] == d[b] || (double.IsNaN(d[a]) && double.IsNaN(d[b])) ? a.CompareTo(b) : sign * d[a].CompareTo(d[b]);
        }
        var l = Numbers.ReadLongs(x);
        bool u = x.ElementType == ElementType.UInt64;
        return (a, b) =>
        {
            int c = u ? ((ulong)l[a]).CompareTo((ulong)l[b]) : l[a].CompareTo(l[b]);
            return c == 0 ? a.CompareTo(b) : sign * c;
        };
    }

    /// <summary>CumSum along the axis operand.</summary>
    public static void CumSum(EvaluationContext ctx)
    {
        var x = ctx.Tensor(0);
        int axis = Axes.Normalize(ctx, Numbers.FirstLong(ctx, ctx.Tensor(1)), x.Dimensions.Length);
        var (outer, size, inner) = Axes.Split(x.Dimensions, axis);
        bool exclusive = ctx.GetInt("exclusive", 0) != 0, reverse = ctx.GetInt("reverse", 0) != 0;
        var type = x.ElementType;
        if (Numbers.IsFloat(type))
        {
            var v = Numbers.ReadDoubles(x);
            Scan(v, outer, size, inner, exclusive, reverse, (a, b) => a + b);
            ctx.SetOutput(0, Numbers.FromDoubles(type, v, x.Dimensions));
            return;
        }
        var l = Numbers.ReadLongs(x);
        Scan(l, outer, size, inner, exclusive, reverse, (a, b) => unchecked(a + b));
        ctx.SetOutput(0, Numbers.FromLongs(type, l, x.Dimensions));
    }

    private static void Scan<T>(T[] v, int outer, int size, int inner, bool exclusive, bool reverse, Func<T, T, T> add)
        where T : struct
    {
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                T sum = default;
                for (int j = 0; j < size; j++)
                {
                    int index = (((o * size) + (reverse ? size - 1 - j : j)) * inner) + i;
                    T before = sum;
                    sum = add(sum, v[index]);
                    v[index] = exclusive ? before : sum;
                }
            }
        }
    }
}
