using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Tensor.Semantics;

/// <summary>Reference semantics of Concat and Split (every version), shared by the sequence operators.</summary>
internal static class ConcatSplitKernels
{
    public static void Concat(EvaluationContext ctx)
    {
        var parts = new List<TensorData>();
        for (int i = 0; i < ctx.InputCount; i++)
        {
            parts.Add(ctx.Tensor(i));
        }
        ctx.SetOutput(0, Join(ctx, parts, ctx.GetInt("axis", 1), IndexMath.OutputElementType(ctx, 0)));
    }

    /// <summary>Concatenates <paramref name="parts"/> along <paramref name="axis"/>.</summary>
    public static TensorData Join(EvaluationContext ctx, IReadOnlyList<TensorData> parts, long axis, ElementType type)
    {
        if (parts.Count == 0)
        {
            ctx.Fail("nothing to concatenate");
        }
        var first = parts[0].Dimensions;
        int rank = first.Length;
        int a = IndexMath.Axis(ctx, axis, rank);
        long total = 0;
        foreach (var p in parts)
        {
            if (p.Dimensions.Length != rank || Enumerable.Range(0, rank).Any(k => k != a && p.Dimensions[k] != first[k]))
            {
                ctx.Fail("the operands' shapes differ outside the concatenation axis");
            }
            total += p.Dimensions[a];
        }
        var dims = first.SetItem(a, total);
        long outer = IndexMath.Product(first, 0, a), inner = IndexMath.Product(first, a + 1);
        var writer = new ElementWriter(type == ElementType.Undefined ? parts[0].ElementType : type, ConstantKernels.CountOf(dims));
        long dst = 0;
        for (long o = 0; o < outer; o++)
        {
            foreach (var p in parts)
            {
                long block = p.Dimensions[a] * inner;
                writer.CopyRange(dst, p, o * block, block);
                dst += block;
            }
        }
        return writer.Build(dims);
    }

    public static void Split(EvaluationContext ctx)
    {
        var data = ctx.Tensor(0);
        int axis = IndexMath.Axis(ctx, ctx.GetInt("axis", 0), data.Dimensions.Length);
        long dim = data.Dimensions[axis];
        long[]? sizes = ctx.Schema.Id.SinceVersion >= 13 || ctx.HasInput(1)
            ? ctx.OptionalTensor(1) is { } t ? IndexMath.Longs(t) : null
            : ctx.GetInts("split") is { Length: > 0 } s ? [.. s] : null;
        if (sizes is null)
        {
            long n = ctx.Attr("num_outputs") is { } no ? no.AsInt() : ctx.OutputCount;
            long each = ctx.Attr("num_outputs") is null ? (dim % n == 0 ? dim / n : -1) : (dim + n - 1) / n;
            if (each < 0)
            {
                ctx.Fail($"size {dim} does not split evenly into {n}");
            }
            sizes = new long[n];
            for (int i = 0; i < n; i++)
            {
                sizes[i] = System.Math.Max(0, System.Math.Min(each, dim - i * each));
            }
        }
        if (sizes.Sum() != dim || sizes.Length != ctx.OutputCount)
        {
            ctx.Fail($"the split sizes [{string.Join(",", sizes)}] do not cover size {dim} in {ctx.OutputCount} results");
        }
        var pieces = Pieces(data, axis, sizes);
        for (int i = 0; i < pieces.Length; i++)
        {
            ctx.SetOutput(i, pieces[i]);
        }
    }

    /// <summary>Cuts <paramref name="data"/> along <paramref name="axis"/> into pieces of <paramref name="sizes"/>.</summary>
    public static TensorData[] Pieces(TensorData data, int axis, long[] sizes)
    {
        var d = data.Dimensions;
        long outer = IndexMath.Product(d, 0, axis), inner = IndexMath.Product(d, axis + 1), dim = d[axis];
        var result = new TensorData[sizes.Length];
        long offset = 0;
        for (int i = 0; i < sizes.Length; i++)
        {
            var dims = d.SetItem(axis, sizes[i]);
            var writer = new ElementWriter(data.ElementType, outer * sizes[i] * inner);
            long block = sizes[i] * inner;
            for (long o = 0; o < outer; o++)
            {
                writer.CopyRange(o * block, data, (o * dim + offset) * inner, block);
            }
            result[i] = writer.Build(dims);
            offset += sizes[i];
        }
        return result;
    }
}
