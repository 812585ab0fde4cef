using Halo.Core.IR.Types;

namespace Halo.Core.Operators.Onnx.Math;

/// <summary>Convolution output shape for the integer convolutions (QLinearConv, ConvInteger): X [N, C, D...] and
/// W [M, C/group, k...] give [N, M, O...] from kernel_shape, strides, dilations, pads and auto_pad.</summary>
internal static class ConvShape
{
    public static void Infer(InferenceContext ctx, int xIndex, int wIndex)
    {
        var x = ctx.InputShape(xIndex);
        var w = ctx.InputShape(wIndex);
        if (!x.IsRanked && !w.IsRanked)
        {
            return;
        }
        int rank = x.IsRanked ? x.Rank : w.Rank;
        if (rank < 3 || (x.IsRanked && w.IsRanked && x.Rank != w.Rank))
        {
            ctx.Fail($"convolution input {x} and weight {w} must have the same rank, 3 or more");
            return;
        }
        int spatial = rank - 2;
        long group = ctx.GetInt("group", 1);
        if (group < 1)
        {
            ctx.Fail($"group = {group} must be positive");
            return;
        }
        if (x.IsRanked && w.IsRanked && x[1].IsStatic && w[1].IsStatic
            && (x[1].Value % group != 0 || x[1].Value / group != w[1].Value))
        {
            ctx.Fail($"input channels {x[1]} do not equal weight channels {w[1]} times group {group}");
            return;
        }
        if (!TryAttrs(ctx, spatial, w, out long[] kernel, out long[] strides, out long[] dilations, out long[] pads))
        {
            return;
        }
        var dims = new List<Dimension>(rank)
        {
            x.IsRanked ? x[0] : Dimension.Unknown,
            w.IsRanked ? w[0] : Dimension.Unknown,
        };
        string autoPad = ctx.GetString("auto_pad", "NOTSET") ?? "NOTSET";
        for (int i = 0; i < spatial; i++)
        {
            var d = x.IsRanked ? x[i + 2] : Dimension.Unknown;
            if (!d.IsStatic || kernel[i] < 0)
            {
                dims.Add(Dimension.Unknown);
                continue;
            }
            long effective = checked(((kernel[i] - 1) * dilations[i]) + 1);
            long o = autoPad switch
            {
                "SAME_UPPER" or "SAME_LOWER" => (d.Value + strides[i] - 1) / strides[i],
                "VALID" => d.Value < effective ? -1 : ((d.Value - effective) / strides[i]) + 1,
                _ => FloorOut(checked(d.Value + pads[i] + pads[i + spatial]), effective, strides[i]),
            };
            if (o < 0)
            {
                ctx.Fail($"spatial axis {i} of size {d.Value} is smaller than the dilated kernel ({effective} for kernel {kernel[i]}, dilation {dilations[i]})");
                return;
            }
            dims.Add(Dimension.Of(o));
        }
        ctx.SetOutputShape(0, MathInference.ShapeOf(dims));
    }

    private static long FloorOut(long padded, long effective, long stride) =>
        padded < effective ? -1 : ((padded - effective) / stride) + 1;

    private static bool TryAttrs(InferenceContext ctx, int spatial, Shape w, out long[] kernel, out long[] strides,
        out long[] dilations, out long[] pads)
    {
        kernel = ctx.GetInts("kernel_shape") is { } k ? [.. k]
            : [.. Enumerable.Range(2, spatial).Select(i => w.IsRanked && w[i].IsStatic ? w[i].Value : -1)];
        strides = ctx.GetInts("strides") is { IsEmpty: false } s ? [.. s] : [.. Enumerable.Repeat(1L, spatial)];
        dilations = ctx.GetInts("dilations") is { IsEmpty: false } d ? [.. d] : [.. Enumerable.Repeat(1L, spatial)];
        pads = ctx.GetInts("pads") is { IsEmpty: false } p ? [.. p] : new long[2 * spatial];
        string autoPad = ctx.GetString("auto_pad", "NOTSET") ?? "NOTSET";
        if (autoPad is not ("NOTSET" or "SAME_UPPER" or "SAME_LOWER" or "VALID"))
        {
            ctx.Fail($"auto_pad '{autoPad}' is not NOTSET, SAME_UPPER, SAME_LOWER or VALID");
            return false;
        }
        if (kernel.Length != spatial || strides.Length != spatial || dilations.Length != spatial || pads.Length != 2 * spatial)
        {
            ctx.Fail($"kernel_shape, strides, dilations and pads must have {spatial}, {spatial}, {spatial} and {2 * spatial} values");
            return false;
        }
        if (strides.Any(v => v < 1) || dilations.Any(v => v < 1) || pads.Any(v => v < 0))
        {
            ctx.Fail("strides and dilations must be positive and pads non-negative");
            return false;
        }
        for (int i = 0; i < spatial; i++)
        {
            if (ctx.GetInts("kernel_shape") is not null && w.IsRanked && w[i + 2].IsStatic && w[i + 2].Value != kernel[i])
            {
                ctx.Fail($"kernel_shape {kernel[i]} differs from weight dimension {w[i + 2]}");
                return false;
            }
        }
        return true;
    }
}
