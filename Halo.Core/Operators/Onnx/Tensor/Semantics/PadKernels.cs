using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Tensor.Semantics;

/// <summary>Reference semantics of Pad (constant, reflect, edge and wrap; negative pads crop; axes) and CenterCropPad.</summary>
internal static class PadKernels
{
    public static void Pad(EvaluationContext ctx)
    {
        var data = ctx.Tensor(0);
        int rank = data.Dimensions.Length;
        int version = ctx.Schema.Id.SinceVersion;
        long[] pads = version < 11 ? [.. ctx.GetInts(version == 1 ? "paddings" : "pads") ?? []] : IndexMath.Longs(ctx.Tensor(1));
        long[] axes = ctx.OptionalTensor(3) is { } a ? IndexMath.Longs(a) : [.. Enumerable.Range(0, rank).Select(i => (long)i)];
        if (pads.Length != 2 * axes.Length)
        {
            ctx.Fail($"{pads.Length} pads for {axes.Length} axes");
        }
        var begin = new long[rank];
        var end = new long[rank];
        for (int i = 0; i < axes.Length; i++)
        {
            int k = IndexMath.Axis(ctx, axes[i], rank);
            begin[k] = pads[i];
            end[k] = pads[i + axes.Length];
        }
        string mode = ctx.GetString("mode", "constant") ?? "constant";
        TensorData? fill = version < 11
            ? TensorFactory.FromDoubles(data.ElementType, [ctx.GetFloat("value", 0f)], [])
            : ctx.OptionalTensor(2) is { ElementCount: > 0 } c ? c : null;
        var outDims = new long[rank];
        var tables = new long[rank][];
        for (int k = 0; k < rank; k++)
        {
            long n = data.Dimensions[k];
            outDims[k] = n + begin[k] + end[k];
            if (outDims[k] < 0)
            {
                ctx.Fail($"the pads remove more than axis {k} holds");
            }
            ElementWriter.Check(outDims[k]);
            tables[k] = new long[outDims[k]];
            for (long j = 0; j < outDims[k]; j++)
            {
                tables[k][j] = Source(ctx, j - begin[k], n, mode);
            }
        }
        var dims = ImmutableArray.Create(outDims);
        ConstantKernels.CountOf(dims);
        ctx.SetOutput(0, ElementWriter.Take(data, IndexMath.Map(dims, tables, IndexMath.Strides(data.Dimensions)), dims, fill));
    }

    private static long Source(EvaluationContext ctx, long x, long n, string mode)
    {
        if (x >= 0 && x < n)
        {
            return x;
        }
        switch (mode)
        {
            case "constant":
                return -1;
            case "edge":
                return n == 0 ? -1 : System.Math.Clamp(x, 0, n - 1);
            case "wrap":
                return n == 0 ? -1 : ((x % n) + n) % n;
            case "reflect":
                if (n == 1)
                {
                    return 0;
                }
                long period = 2 * (n - 1);
                long r = ((x % period) + period) % period;
                return r >= n ? period - r : r;
            default:
                ctx.Fail($"unknown mode '{mode}'");
                return -1;
        }
    }

    public static void CenterCropPad(EvaluationContext ctx)
    {
        var data = ctx.Tensor(0);
        int rank = data.Dimensions.Length;
        long[] shape = IndexMath.Longs(ctx.Tensor(1));
        long[] axes = ctx.GetInts("axes") is { Length: > 0 } a ? [.. a] : [.. Enumerable.Range(0, rank).Select(i => (long)i)];
        if (shape.Length != axes.Length)
        {
            ctx.Fail("shape and axes differ in length");
        }
        var outDims = data.Dimensions.ToArray();
        var tables = new long[rank][];
        for (int i = 0; i < axes.Length; i++)
        {
            int k = IndexMath.Axis(ctx, axes[i], rank);
            long n = data.Dimensions[k], s = shape[i];
            ElementWriter.Check(s);
            outDims[k] = s;
            tables[k] = new long[s];
            long offset = n >= s ? (n - s) / 2 : -((s - n) / 2);
            for (long j = 0; j < s; j++)
            {
                long x = j + offset;
                tables[k][j] = x >= 0 && x < n ? x : -1;
            }
        }
        for (int k = 0; k < rank; k++)
        {
            tables[k] ??= IndexMath.Iota(outDims[k]);
        }
        var dims = ImmutableArray.Create(outDims);
        ctx.SetOutput(0, ElementWriter.Take(data, IndexMath.Map(dims, tables, IndexMath.Strides(data.Dimensions)), dims));
    }
}
