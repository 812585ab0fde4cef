using System.Collections.Immutable;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Tensor.Semantics;

/// <summary>Reference semantics of Gather, GatherElements, GatherND and Compress.</summary>
internal static class GatherKernels
{
    public static void Gather(EvaluationContext ctx)
    {
        var data = ctx.Tensor(0);
        var indicesTensor = ctx.Tensor(1);
        long[] indices = IndexMath.Longs(indicesTensor);
        var d = data.Dimensions;
        int axis = IndexMath.Axis(ctx, ctx.GetInt("axis", 0), d.Length);
        long dim = d[axis], outer = IndexMath.Product(d, 0, axis), inner = IndexMath.Product(d, axis + 1);
        var dims = d.Take(axis).Concat(indicesTensor.Dimensions).Concat(d.Skip(axis + 1)).ToImmutableArray();
        var writer = new ElementWriter(data.ElementType, ConstantKernels.CountOf(dims));
        long dst = 0;
        for (long o = 0; o < outer; o++)
        {
            foreach (long raw in indices)
            {
                long i = Normalize(ctx, raw, dim);
                writer.CopyRange(dst, data, (o * dim + i) * inner, inner);
                dst += inner;
            }
        }
        ctx.SetOutput(0, writer.Build(dims));
    }

    public static void GatherElements(EvaluationContext ctx)
    {
        var data = ctx.Tensor(0);
        var indicesTensor = ctx.Tensor(1);
        long[] indices = IndexMath.Longs(indicesTensor);
        var d = data.Dimensions;
        var id = indicesTensor.Dimensions;
        int rank = d.Length;
        int axis = IndexMath.Axis(ctx, ctx.GetInt("axis", 0), rank);
        if (id.Length != rank)
        {
            ctx.Fail("indices and data differ in rank");
        }
        var strides = IndexMath.Strides(d);
        var writer = new ElementWriter(data.ElementType, indices.Length);
        var coord = new long[rank];
        for (long n = 0; n < indices.Length; n++)
        {
            long src = 0;
            for (int k = 0; k < rank; k++)
            {
                long c = k == axis ? Normalize(ctx, indices[n], d[k]) : coord[k];
                if (c >= d[k])
                {
                    ctx.Fail($"index {c} is out of range on axis {k}");
                }
                src += c * strides[k];
            }
            writer.Copy(n, data, src);
            Next(coord, id);
        }
        ctx.SetOutput(0, writer.Build(id));
    }

    public static void GatherND(EvaluationContext ctx)
    {
        var data = ctx.Tensor(0);
        var indicesTensor = ctx.Tensor(1);
        long[] indices = IndexMath.Longs(indicesTensor);
        var d = data.Dimensions;
        var id = indicesTensor.Dimensions;
        int b = (int)ctx.GetInt("batch_dims", 0);
        int last = (int)id[^1];
        if (id.Length < 1 || b >= id.Length || last + b > d.Length)
        {
            ctx.Fail("indices do not fit the data rank");
        }
        var dims = id.Take(id.Length - 1).Concat(d.Skip(b + last)).ToImmutableArray();
        long batch = IndexMath.Product(d, 0, b), inner = IndexMath.Product(d, b + last);
        long tuples = IndexMath.Product(id, b, id.Length - 1);
        long dataBatch = IndexMath.Product(d, b);
        var strides = IndexMath.Strides(d);
        var writer = new ElementWriter(data.ElementType, ConstantKernels.CountOf(dims));
        long dst = 0;
        for (long bi = 0; bi < batch; bi++)
        {
            for (long t = 0; t < tuples; t++)
            {
                long src = bi * dataBatch;
                long baseIndex = (bi * tuples + t) * last;
                for (int k = 0; k < last; k++)
                {
                    src += Normalize(ctx, indices[baseIndex + k], d[b + k]) * strides[b + k];
                }
                writer.CopyRange(dst, data, src, inner);
                dst += inner;
            }
        }
        ctx.SetOutput(0, writer.Build(dims));
    }

    public static void Compress(EvaluationContext ctx)
    {
        var data = ctx.Tensor(0);
        long[] condition = IndexMath.Longs(ctx.Tensor(1));
        bool flat = ctx.Attr("axis") is null;
        var d = flat ? ImmutableArray.Create(data.ElementCount) : data.Dimensions;
        int axis = flat ? 0 : IndexMath.Axis(ctx, ctx.GetInt("axis", 0), d.Length);
        long dim = d[axis], outer = IndexMath.Product(d, 0, axis), inner = IndexMath.Product(d, axis + 1);
        if (condition.Length > dim)
        {
            ctx.Fail($"the condition has {condition.Length} entries for size {dim}");
        }
        var kept = Enumerable.Range(0, condition.Length).Where(i => condition[i] != 0).ToArray();
        var dims = d.SetItem(axis, kept.Length);
        var writer = new ElementWriter(data.ElementType, outer * kept.Length * inner);
        long dst = 0;
        for (long o = 0; o < outer; o++)
        {
            foreach (int i in kept)
            {
                writer.CopyRange(dst, data, (o * dim + i) * inner, inner);
                dst += inner;
            }
        }
        ctx.SetOutput(0, writer.Build(dims));
    }

    /// <summary>An index in [-dim, dim) made non-negative; fails outside.</summary>
    public static long Normalize(EvaluationContext ctx, long index, long dim)
    {
        long i = index < 0 ? index + dim : index;
        if (i < 0 || i >= dim)
        {
            ctx.Fail($"index {index} is out of range for size {dim}");
        }
        return i;
    }

    /// <summary>Advances a row-major coordinate over <paramref name="dims"/>.</summary>
    public static void Next(long[] coord, IReadOnlyList<long> dims)
    {
        for (int k = coord.Length - 1; k >= 0; k--)
        {
            if (++coord[k] < dims[k])
            {
                return;
            }
            coord[k] = 0;
        }
    }
}
