using Halo.Core.IR;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Tensor.Semantics;

/// <summary>Reference semantics of DepthToSpace (DCR, CRD), SpaceToDepth and ReverseSequence.</summary>
internal static class LayoutKernels
{
    public static void DepthToSpace(EvaluationContext ctx)
    {
        var (data, n, c, h, w, b) = Blocks(ctx);
        if (c % (b * b) != 0)
        {
            ctx.Fail($"{c} channels do not divide by blocksize² {b * b}");
        }
        long c2 = c / (b * b);
        bool crd = ctx.GetString("mode", "DCR") == "CRD";
        var view = ElementWriter.Reshape(data, crd ? [n, c2, b, b, h, w] : [n, b, b, c2, h, w]);
        var moved = MoveKernels.Permute(ctx, view, crd ? [0, 1, 4, 2, 5, 3] : [0, 3, 4, 1, 5, 2]);
        ctx.SetOutput(0, ElementWriter.Reshape(moved, [n, c2, h * b, w * b]));
    }

    public static void SpaceToDepth(EvaluationContext ctx)
    {
        var (data, n, c, h, w, b) = Blocks(ctx);
        if (h % b != 0 || w % b != 0)
        {
            ctx.Fail($"spatial sizes {h}x{w} do not divide by blocksize {b}");
        }
        var view = ElementWriter.Reshape(data, [n, c, h / b, b, w / b, b]);
        var moved = MoveKernels.Permute(ctx, view, [0, 3, 5, 1, 2, 4]);
        ctx.SetOutput(0, ElementWriter.Reshape(moved, [n, c * b * b, h / b, w / b]));
    }

    private static (TensorData Data, long N, long C, long H, long W, long B) Blocks(EvaluationContext ctx)
    {
        var data = ctx.Tensor(0);
        long b = ctx.GetInt("blocksize", 0);
        if (data.Dimensions.Length != 4 || b <= 0)
        {
            ctx.Fail("the input must be 4-D and blocksize positive");
        }
        var d = data.Dimensions;
        return (data, d[0], d[1], d[2], d[3], b);
    }

    public static void ReverseSequence(EvaluationContext ctx)
    {
        var data = ctx.Tensor(0);
        long[] lens = IndexMath.Longs(ctx.Tensor(1));
        var d = data.Dimensions;
        int batchAxis = IndexMath.Axis(ctx, ctx.GetInt("batch_axis", 1), d.Length);
        int timeAxis = IndexMath.Axis(ctx, ctx.GetInt("time_axis", 0), d.Length);
        if (lens.Length != d[batchAxis])
        {
            ctx.Fail("sequence_lens does not match the batch size");
        }
        var strides = IndexMath.Strides(d);
        long count = data.ElementCount;
        var map = new long[count];
        var coord = new long[d.Length];
        for (long i = 0; i < count; i++)
        {
            long len = System.Math.Clamp(lens[coord[batchAxis]], 0, d[timeAxis]);
            long t = coord[timeAxis];
            long src = t < len ? len - 1 - t : t;
            map[i] = i + (src - t) * strides[timeAxis];
            GatherKernels.Next(coord, d);
        }
        ctx.SetOutput(0, ElementWriter.Take(data, map, d));
    }
}
