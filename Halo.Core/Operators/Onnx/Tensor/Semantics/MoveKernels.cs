using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Tensor.Semantics;

/// <summary>Reference semantics of Transpose, Slice, Expand and Tile: per-axis index maps over any element type.</summary>
internal static class MoveKernels
{
    public static void Transpose(EvaluationContext ctx)
    {
        var data = ctx.Tensor(0);
        int rank = data.Dimensions.Length;
        long[] perm = ctx.GetInts("perm") is { Length: > 0 } p ? [.. p] : [.. Enumerable.Range(0, rank).Reverse().Select(i => (long)i)];
        if (perm.Length != rank)
        {
            ctx.Fail($"perm has {perm.Length} entries for rank {rank}");
        }
        ctx.SetOutput(0, Permute(ctx, data, perm));
    }

    /// <summary>The transpose of <paramref name="data"/>: output axis k is input axis perm[k].</summary>
    public static TensorData Permute(EvaluationContext ctx, TensorData data, long[] perm)
    {
        int rank = data.Dimensions.Length;
        var inStrides = IndexMath.Strides(data.Dimensions);
        var outDims = new long[rank];
        var tables = new long[rank][];
        var strides = new long[rank];
        var seen = new bool[rank];
        for (int k = 0; k < rank; k++)
        {
            int a = IndexMath.Axis(ctx, perm[k], rank);
            if (seen[a])
            {
                ctx.Fail("perm repeats an axis");
            }
            seen[a] = true;
            outDims[k] = data.Dimensions[a];
            tables[k] = IndexMath.Iota(outDims[k]);
            strides[k] = inStrides[a];
        }
        var dims = ImmutableArray.Create(outDims);
        return ElementWriter.Take(data, IndexMath.Map(dims, tables, strides), dims);
    }

    public static void Slice(EvaluationContext ctx)
    {
        var data = ctx.Tensor(0);
        var (starts, ends, axes, steps) = SliceOperands(ctx);
        int rank = data.Dimensions.Length;
        var tables = new long[rank][];
        var outDims = data.Dimensions.ToArray();
        for (int i = 0; i < starts.Length; i++)
        {
            int axis = IndexMath.Axis(ctx, axes is null ? i : axes[i], rank);
            long step = steps is null ? 1 : steps[i];
            if (step == 0 || tables[axis] is not null)
            {
                ctx.Fail($"a step is zero or axis {axis} is repeated");
            }
            tables[axis] = SliceAxis(starts[i], ends[i], step, data.Dimensions[axis]);
            outDims[axis] = tables[axis].Length;
        }
        for (int k = 0; k < rank; k++)
        {
            tables[k] ??= IndexMath.Iota(outDims[k]);
        }
        var dims = ImmutableArray.Create(outDims);
        ctx.SetOutput(0, ElementWriter.Take(data, IndexMath.Map(dims, tables, IndexMath.Strides(data.Dimensions)), dims));
    }

    /// <summary>starts, ends, axes and steps: attributes in version 1, operands from 10.</summary>
    private static (long[] Starts, long[] Ends, long[]? Axes, long[]? Steps) SliceOperands(EvaluationContext ctx)
    {
        long[] starts, ends;
        long[]? axes, steps = null;
        if (ctx.Schema.Id.SinceVersion < 10)
        {
            starts = [.. ctx.GetInts("starts") ?? []];
            ends = [.. ctx.GetInts("ends") ?? []];
            axes = ctx.GetInts("axes") is { } a ? [.. a] : null;
        }
        else
        {
            starts = IndexMath.Longs(ctx.Tensor(1));
            ends = IndexMath.Longs(ctx.Tensor(2));
            axes = ctx.OptionalTensor(3) is { } a ? IndexMath.Longs(a) : null;
            steps = ctx.OptionalTensor(4) is { } s ? IndexMath.Longs(s) : null;
        }
        if (ends.Length != starts.Length || (axes is not null && axes.Length != starts.Length)
            || (steps is not null && steps.Length != starts.Length))
        {
            ctx.Fail("starts, ends, axes and steps differ in length");
        }
        return (starts, ends, axes, steps);
    }

    /// <summary>The input indices one sliced axis selects (ONNX clamping rules).</summary>
    public static long[] SliceAxis(long start, long end, long step, long dim)
    {
        start = start < 0 ? start + dim : start;
        end = end < 0 ? end + dim : end;
        if (step > 0)
        {
            start = System.Math.Clamp(start, 0, dim);
            end = System.Math.Clamp(end, 0, dim);
        }
        else
        {
            start = System.Math.Clamp(start, 0, dim - 1);
            end = System.Math.Clamp(end, -1, dim - 1);
        }
        long count = step > 0 ? (end - start + step - 1) / step : (start - end + (-step) - 1) / (-step);
        count = System.Math.Max(0, count);
        var table = new long[count];
        for (long j = 0; j < count; j++)
        {
            table[j] = start + j * step;
        }
        return table;
    }

    public static void Expand(EvaluationContext ctx)
    {
        var data = ctx.Tensor(0);
        long[] shape = IndexMath.Longs(ctx.Tensor(1));
        int rank = System.Math.Max(shape.Length, data.Dimensions.Length);
        var outDims = new long[rank];
        var tables = new long[rank][];
        var strides = new long[rank];
        var inStrides = IndexMath.Strides(data.Dimensions);
        for (int k = 0; k < rank; k++)
        {
            int ia = k - (rank - data.Dimensions.Length), sa = k - (rank - shape.Length);
            long d = ia >= 0 ? data.Dimensions[ia] : 1, s = sa >= 0 ? shape[sa] : 1;
            if (d != s && d != 1 && s != 1)
            {
                ctx.Fail($"cannot broadcast size {d} to {s}");
            }
            outDims[k] = d == 1 ? s : d;
            tables[k] = d == 1 ? new long[outDims[k]] : IndexMath.Iota(outDims[k]);
            strides[k] = ia >= 0 ? inStrides[ia] : 0;
        }
        var dims = ImmutableArray.Create(outDims);
        ConstantKernels.CountOf(dims);
        ctx.SetOutput(0, ElementWriter.Take(data, IndexMath.Map(dims, tables, strides), dims));
    }

    public static void Tile(EvaluationContext ctx)
    {
        var data = ctx.Tensor(0);
        int rank = data.Dimensions.Length;
        var repeats = new long[rank];
        Array.Fill(repeats, 1);
        if (ctx.Schema.Id.SinceVersion < 6)
        {
            repeats[IndexMath.Axis(ctx, IndexMath.Longs(ctx.Tensor(2))[0], rank)] = IndexMath.Longs(ctx.Tensor(1))[0];
        }
        else
        {
            repeats = IndexMath.Longs(ctx.Tensor(1));
            if (repeats.Length != rank)
            {
                ctx.Fail($"repeats has {repeats.Length} entries for rank {rank}");
            }
        }
        var outDims = new long[rank];
        var tables = new long[rank][];
        for (int k = 0; k < rank; k++)
        {
            if (repeats[k] < 0)
            {
                ctx.Fail("a repeat count is negative");
            }
            outDims[k] = data.Dimensions[k] * repeats[k];
            ElementWriter.Check(outDims[k]);
            tables[k] = new long[outDims[k]];
            for (long j = 0; j < outDims[k]; j++)
            {
                tables[k][j] = j % data.Dimensions[k];
            }
        }
        var dims = ImmutableArray.Create(outDims);
        ConstantKernels.CountOf(dims);
        ctx.SetOutput(0, ElementWriter.Take(data, IndexMath.Map(dims, tables, IndexMath.Strides(data.Dimensions)), dims));
    }
}
