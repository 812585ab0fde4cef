using Halo.Core.IR;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Tensor.Semantics;

/// <summary>What a Resize or Upsample computes, per axis: output size, scale, and the mapping of output coordinates
/// to input coordinates (every coordinate_transformation_mode), read from the operands and attributes of any version.</summary>
internal sealed class ResizePlan
{
    private ResizePlan(EvaluationContext ctx, int rank)
    {
        Mode = (ctx.GetString("mode", "nearest") ?? "nearest").ToLowerInvariant();
        bool legacy = ctx.Schema.Id.Name == "Upsample" || ctx.Schema.Id.SinceVersion < 11;
        Transform = legacy ? "asymmetric" : ctx.GetString("coordinate_transformation_mode", "half_pixel") ?? "half_pixel";
        NearestMode = legacy ? "floor" : ctx.GetString("nearest_mode", "round_prefer_floor") ?? "round_prefer_floor";
        OutDims = new long[rank];
        Scales = new double[rank];
        RoiStart = new double[rank];
        RoiEnd = new double[rank];
        Array.Fill(RoiEnd, 1.0);
    }

    public string Mode { get; }

    public string Transform { get; }

    public string NearestMode { get; }

    public long[] OutDims { get; }

    public double[] Scales { get; }

    public double[] RoiStart { get; }

    public double[] RoiEnd { get; }

    /// <summary>Reads the plan of a Resize or Upsample node applied to <paramref name="x"/>.</summary>
    public static ResizePlan Create(EvaluationContext ctx, TensorData x)
    {
        int rank = x.Dimensions.Length;
        var plan = new ResizePlan(ctx, rank);
        bool resize11 = ctx.Schema.Id.Name == "Resize" && ctx.Schema.Id.SinceVersion >= 11;
        long[] axes = ctx.GetInts("axes") is { Length: > 0 } a ? [.. a] : [.. Enumerable.Range(0, rank).Select(i => (long)i)];
        int[] ax = [.. axes.Select(v => IndexMath.Axis(ctx, v, rank))];
        double[]? scales = ScalesOf(ctx, resize11);
        long[]? sizes = resize11 && ctx.OptionalTensor(3) is { ElementCount: > 0 } s ? IndexMath.Longs(s) : null;
        for (int k = 0; k < rank; k++)
        {
            plan.OutDims[k] = x.Dimensions[k];
            plan.Scales[k] = 1;
        }
        if (resize11 && ctx.OptionalTensor(1) is { ElementCount: > 0 } roi)
        {
            double[] r = IndexMath.Doubles(roi);
            for (int i = 0; i < ax.Length && r.Length == 2 * ax.Length; i++)
            {
                plan.RoiStart[ax[i]] = r[i];
                plan.RoiEnd[ax[i]] = r[i + ax.Length];
            }
        }
        if (sizes is not null)
        {
            plan.FromSizes(ctx, x, ax, sizes);
        }
        else if (scales is not null && scales.Length == ax.Length)
        {
            for (int i = 0; i < ax.Length; i++)
            {
                plan.Scales[ax[i]] = scales[i];
                plan.OutDims[ax[i]] = (long)System.Math.Floor(x.Dimensions[ax[i]] * scales[i] * (plan.Transform == "tf_crop_and_resize" ? plan.RoiEnd[ax[i]] - plan.RoiStart[ax[i]] : 1));
            }
        }
        else
        {
            ctx.Fail("one of scales and sizes must be given, one entry per axis");
        }
        ConstantKernels.CountOf([.. plan.OutDims]);
        return plan;
    }

    private static double[]? ScalesOf(EvaluationContext ctx, bool resize11)
    {
        if (ctx.Schema.Id.Name == "Upsample" && ctx.Schema.Id.SinceVersion == 1)
        {
            return [1, 1, ctx.GetFloat("height_scale", 1), ctx.GetFloat("width_scale", 1)];
        }
        if (ctx.Schema.Id.Name == "Upsample" && ctx.Schema.Id.SinceVersion == 7)
        {
            return ctx.Attr("scales")?.AsFloats().Select(f => (double)f).ToArray();
        }
        return ctx.OptionalTensor(resize11 ? 2 : 1) is { ElementCount: > 0 } t ? IndexMath.Doubles(t) : null;
    }

    private void FromSizes(EvaluationContext ctx, TensorData x, int[] ax, long[] sizes)
    {
        if (sizes.Length != ax.Length)
        {
            ctx.Fail("sizes must have one entry per axis");
        }
        string policy = ctx.GetString("keep_aspect_ratio_policy", "stretch") ?? "stretch";
        double common = policy == "not_larger" ? double.MaxValue : 0;
        for (int i = 0; i < ax.Length; i++)
        {
            double s = (double)sizes[i] / x.Dimensions[ax[i]];
            common = policy == "not_larger" ? System.Math.Min(common, s) : System.Math.Max(common, s);
        }
        for (int i = 0; i < ax.Length; i++)
        {
            long input = x.Dimensions[ax[i]];
            if (policy == "stretch")
            {
                OutDims[ax[i]] = sizes[i];
                Scales[ax[i]] = (double)sizes[i] / input;
            }
            else
            {
                OutDims[ax[i]] = (long)System.Math.Round(common * input, MidpointRounding.ToEven);
                Scales[ax[i]] = common;
            }
        }
    }

    /// <summary>The input coordinate of output coordinate <paramref name="j"/> on <paramref name="axis"/>, or NaN when
    /// it falls outside the crop of tf_crop_and_resize.</summary>
    public double Source(int axis, long j, long inSize)
    {
        // ONNX: the transforms use the unrounded resized length (scale * input size), as ONNX's reference does.
        double s = Scales[axis], outSize = s * inSize;
        double x = Transform switch
        {
            "align_corners" => outSize == 1 ? 0 : j * (inSize - 1) / (outSize - 1),
            "asymmetric" => j / s,
            "pytorch_half_pixel" => outSize > 1 ? ((j + 0.5) / s) - 0.5 : 0,
            "half_pixel_symmetric" => HalfPixelSymmetric(j, s, inSize, OutDims[axis]),
            "tf_crop_and_resize" => outSize > 1
                ? (RoiStart[axis] * (inSize - 1)) + (j * (RoiEnd[axis] - RoiStart[axis]) * (inSize - 1) / (outSize - 1))
                : 0.5 * (RoiStart[axis] + RoiEnd[axis]) * (inSize - 1),
            _ => ((j + 0.5) / s) - 0.5,
        };
        return Transform == "tf_crop_and_resize" && (x < 0 || x > inSize - 1) ? double.NaN : x;
    }

    private static double HalfPixelSymmetric(long j, double s, long inSize, double outSize)
    {
        double adjustment = outSize / (s * inSize);
        double center = inSize / 2.0;
        double offset = center * (1 - adjustment);
        return offset + ((j + 0.5) / s) - 0.5;
    }

    /// <summary>The nearest input index of input coordinate <paramref name="x"/> (nearest_mode), clamped.</summary>
    public long Nearest(double x, long inSize)
    {
        double r = NearestMode switch
        {
            "floor" => System.Math.Floor(x),
            "ceil" => System.Math.Ceiling(x),
            "round_prefer_ceil" => System.Math.Floor(x + 0.5),
            _ => System.Math.Ceiling(x - 0.5),
        };
        return System.Math.Clamp((long)r, 0, inSize - 1);
    }
}
