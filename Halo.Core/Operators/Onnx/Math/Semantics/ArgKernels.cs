using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Math.Semantics;

/// <summary>Reference kernels of ArgMax and ArgMin (axis, keepdims, select_last_index).</summary>
internal static class ArgKernels
{
    /// <summary>ArgMax (<paramref name="max"/>) or ArgMin.</summary>
    public static ReferenceKernel For(bool max) => ctx => Arg(ctx, max);

    private static void Arg(EvaluationContext ctx, bool max)
    {
        var x = ctx.Tensor(0);
        int rank = x.Dimensions.Length;
        if (rank == 0)
        {
            ctx.Fail("the operand must have rank 1 or more");
        }
        int axis = Axes.Normalize(ctx, ctx.GetInt("axis", 0), rank);
        var (outer, size, inner) = Axes.Split(x.Dimensions, axis);
        if (size == 0 && outer * inner > 0)
        {
            ctx.Fail("cannot take the index of an extreme over an empty axis");
        }
        bool last = ctx.GetInt("select_last_index", 0) != 0;
        var compare = Comparer(x);
        var result = new long[outer * inner];
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                int best = 0, bestIndex = (o * size * inner) + i;
                for (int k = 1; k < size; k++)
                {
                    int index = (((o * size) + k) * inner) + i;
                    int c = compare(index, bestIndex);
                    if ((max ? c > 0 : c < 0) || (last && c == 0))
                    {
                        best = k;
                        bestIndex = index;
                    }
                }
                result[(o * inner) + i] = best;
            }
        }
        var dims = x.Dimensions.ToBuilder();
        if (ctx.GetInt("keepdims", 1) != 0)
        {
            dims[axis] = 1;
        }
        else
        {
            dims.RemoveAt(axis);
        }
        ctx.SetOutput(0, Numbers.FromLongs(ElementType.Int64, result, dims.ToImmutable()));
    }

    /// <summary>Compares two elements by flat index (exact for int64 and uint64).</summary>
    private static Func<int, int, int> Comparer(IR.TensorData x)
    {
        if (Numbers.IsFloat(x.ElementType))
        {
            var d = Numbers.ReadDoubles(x);
            return (a, b) => d[a].CompareTo(d[b]);
        }
        var l = Numbers.ReadLongs(x);
        return x.ElementType == ElementType.UInt64 ? (a, b) => ((ulong)l[a]).CompareTo((ulong)l[b]) : (a, b) => l[a].CompareTo(l[b]);
    }
}
