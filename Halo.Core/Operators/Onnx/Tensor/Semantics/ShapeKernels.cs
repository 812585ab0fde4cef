using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Tensor.Semantics;

/// <summary>Reference semantics of Shape, Size, Reshape, Flatten, Squeeze and Unsqueeze: new dimensions over the
/// same elements.</summary>
internal static class ShapeKernels
{
    public static void Shape(EvaluationContext ctx)
    {
        var dims = ctx.Tensor(0).Dimensions;
        int rank = dims.Length;
        long start = Clamp(ctx.GetInt("start", 0), rank);
        long end = ctx.Attributes.ContainsKey("end") ? Clamp(ctx.GetInt("end", rank), rank) : rank;
        var values = new List<long>();
        for (long i = start; i < end; i++)
        {
            values.Add(dims[(int)i]);
        }
        ctx.SetOutput(0, TensorData.FromInt64s(values.ToArray(), values.Count));
    }

    public static void Size(EvaluationContext ctx) => ctx.SetOutput(0, TensorData.FromInt64s([ctx.Tensor(0).ElementCount]));

    public static void Reshape(EvaluationContext ctx)
    {
        var data = ctx.Tensor(0);
        long[] target = ctx.Schema.Id.SinceVersion < 5
            ? [.. ctx.GetInts("shape") ?? []]
            : IndexMath.Longs(ctx.Tensor(1));
        SetReshaped(ctx, data, [.. Resolve(ctx, data, target, ctx.GetInt("allowzero", 0) != 0)]);
    }

    /// <summary>The target shape with 0 (copy, unless allowzero) and -1 (inferred) resolved.</summary>
    private static long[] Resolve(EvaluationContext ctx, TensorData data, long[] target, bool allowZero)
    {
        var dims = new long[target.Length];
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < target.Length; i++)
        {
            long v = target[i];
            if (v == -1)
            {
                if (inferred >= 0)
                {
                    ctx.Fail("the target shape has more than one -1");
                }
                inferred = i;
                continue;
            }
            if (v < -1)
            {
                ctx.Fail($"invalid target size {v}");
            }
            if (v == 0 && !allowZero)
            {
                if (i >= data.Dimensions.Length)
                {
                    ctx.Fail($"the target shape copies dim {i} of a rank-{data.Dimensions.Length} input");
                }
                v = data.Dimensions[i];
            }
            dims[i] = v;
            known *= v;
        }
        if (inferred >= 0)
        {
            if (known == 0 || data.ElementCount % known != 0)
            {
                ctx.Fail($"cannot infer the -1 size of {data.ElementCount} elements over {known}");
            }
            dims[inferred] = data.ElementCount / known;
        }
        return dims;
    }

    public static void Flatten(EvaluationContext ctx)
    {
        var data = ctx.Tensor(0);
        int rank = data.Dimensions.Length;
        long axis = ctx.GetInt("axis", 1);
        axis = axis < 0 ? axis + rank : axis;
        if (axis < 0 || axis > rank)
        {
            ctx.Fail($"axis {axis} is out of range for rank {rank}");
        }
        var d = data.Dimensions;
        SetReshaped(ctx, data, [IndexMath.Product(d, 0, (int)axis), IndexMath.Product(d, (int)axis, rank)]);
    }

    public static void Squeeze(EvaluationContext ctx)
    {
        var data = ctx.Tensor(0);
        var dims = data.Dimensions;
        long[]? axes = IndexMath.AxesOf(ctx, 1);
        var drop = new bool[dims.Length];
        if (axes is null)
        {
            for (int i = 0; i < dims.Length; i++)
            {
                drop[i] = dims[i] == 1;
            }
        }
        else
        {
            foreach (long a in axes)
            {
                int k = IndexMath.Axis(ctx, a, dims.Length);
                if (dims[k] != 1)
                {
                    ctx.Fail($"cannot squeeze axis {a} of size {dims[k]}");
                }
                drop[k] = true;
            }
        }
        SetReshaped(ctx, data, [.. dims.Where((_, i) => !drop[i])]);
    }

    public static void Unsqueeze(EvaluationContext ctx)
    {
        var data = ctx.Tensor(0);
        long[] axes = IndexMath.AxesOf(ctx, 1) ?? [];
        int rank = data.Dimensions.Length + axes.Length;
        var inserted = new bool[rank];
        foreach (long a in axes)
        {
            int k = IndexMath.Axis(ctx, a, rank);
            if (inserted[k])
            {
                ctx.Fail($"axis {a} is repeated");
            }
            inserted[k] = true;
        }
        var dims = new long[rank];
        for (int i = 0, j = 0; i < rank; i++)
        {
            dims[i] = inserted[i] ? 1 : data.Dimensions[j++];
        }
        SetReshaped(ctx, data, [.. dims]);
    }

    private static void SetReshaped(EvaluationContext ctx, TensorData data, ImmutableArray<long> dims)
    {
        long count;
        try
        {
            count = TensorData.CheckedElementCount(dims);
        }
        catch (ArgumentException e)
        {
            throw new EvaluationException(e.Message);
        }
        if (count != data.ElementCount)
        {
            ctx.Fail($"cannot reshape {data.ElementCount} elements to [{string.Join(",", dims)}]");
        }
        ctx.SetOutput(0, ElementWriter.Reshape(data, dims));
    }

    private static long Clamp(long index, int rank) => System.Math.Clamp(index < 0 ? index + rank : index, 0, rank);
}
