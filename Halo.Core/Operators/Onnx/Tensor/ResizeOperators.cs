using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.Tensor.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Tensor;

/// <summary>Resize (10, 11, 13, 18, 19) and Upsample (1 experimental, 7, 9).</summary>
internal static class ResizeOperators
{
    private static readonly string[] s_scalesType = ["tensor(float)"];

    public static void Register(OperatorSetBuilder s)
    {
        s.Define("Upsample", 1).Evaluate(ResizeKernel.Resize).Input("X", "T").Output("Y", "T").Attr("mode", AttributeKind.String, "nearest")
            .RequiredAttr("height_scale", AttributeKind.Float).RequiredAttr("width_scale", AttributeKind.Float)
            .Constraint("T", [.. Float, "tensor(bool)", "tensor(int32)", "tensor(int64)"]).Infer(InferUpsample1);
        s.Define("Upsample", 7).Evaluate(ResizeKernel.Resize).Input("X", "T").Output("Y", "T").Attr("mode", AttributeKind.String, "nearest")
            .RequiredAttr("scales", AttributeKind.Floats).Constraint("T", All).Infer(InferResize);
        s.Define("Upsample", 9).Evaluate(ResizeKernel.Resize).Input("X", "T").Input("scales", "tensor(float)").Output("Y", "T")
            .Attr("mode", AttributeKind.String, "nearest").Constraint("T", All).Infer(InferResize);
        s.Define("Resize", 10).Evaluate(ResizeKernel.Resize).Input("X", "T").Input("scales", "tensor(float)").Output("Y", "T")
            .Attr("mode", AttributeKind.String, "nearest").Constraint("T", All).Infer(InferResize);
        Resize11(s.Define("Resize", 11).Evaluate(ResizeKernel.Resize).Input("X", "T1").Input("roi", "T2").Input("scales", "tensor(float)")
            .OptionalInput("sizes", "tensor(int64)"));
        Resize11(s.Define("Resize", 13).Evaluate(ResizeKernel.Resize).Input("X", "T1").OptionalInput("roi", "T2").OptionalInput("scales", "tensor(float)")
            .OptionalInput("sizes", "tensor(int64)"));
        Resize11(s.Define("Resize", 18, 19).Evaluate(ResizeKernel.Resize).Input("X", "T1").OptionalInput("roi", "T2").OptionalInput("scales", "tensor(float)")
            .OptionalInput("sizes", "tensor(int64)").Attr("antialias", AttributeKind.Int, 0L).Attr("axes", AttributeKind.Ints)
            .Attr("keep_aspect_ratio_policy", AttributeKind.String, "stretch"));
    }

    private static void Resize11(OperatorSchemaBuilder b) => b.Output("Y", "T1")
        .Attr("coordinate_transformation_mode", AttributeKind.String, "half_pixel")
        .Attr("cubic_coeff_a", AttributeKind.Float, -0.75f).Attr("exclude_outside", AttributeKind.Int, 0L)
        .Attr("extrapolation_value", AttributeKind.Float, 0f).Attr("mode", AttributeKind.String, "nearest")
        .Attr("nearest_mode", AttributeKind.String, "round_prefer_floor")
        .Constraint("T1", All).Constraint("T2", Float).Infer(InferResize);

    private static void InferResize(InferenceContext ctx)
    {
        var shape = ctx.InputShape(0);
        int version = ctx.Schema.Id.SinceVersion;
        bool upsample7 = ctx.Schema.Id.Name == "Upsample" && version < 9;
        int scalesInput = version >= 11 && ctx.Schema.Id.Name == "Resize" ? 2 : 1;
        double[]? scales = upsample7 ? FloatsAttr(ctx, "scales") : ConstantFloats(ctx, scalesInput);
        long[]? sizes = version >= 11 && ctx.Schema.Id.Name == "Resize" ? ctx.InputInts(3) : null;
        if (scalesInput == 2)
        {
            bool? scalesGiven = Given(ctx, 2, scales?.Length);
            bool? sizesGiven = Given(ctx, 3, sizes?.Length);
            if (scalesGiven == sizesGiven && scalesGiven is not null)
            {
                ctx.Fail(scalesGiven == true ? "only one of scales and sizes may be given" : "one of scales and sizes must be given");
                return;
            }
        }
        scales = scales is { Length: 0 } ? null : scales;
        sizes = sizes is { Length: 0 } ? null : sizes;
        if (!shape.IsRanked)
        {
            return;
        }
        int rank = shape.Rank;
        int[]? axes = ctx.GetInts("axes") is { } a ? ShapeMath.TryAxes(ctx, [.. a], rank) : [.. Enumerable.Range(0, rank)];
        if (axes is null)
        {
            return;
        }
        var dims = ShapeMath.Dims(shape);
        bool useScales = scales is not null;
        int count = scales?.Length ?? sizes?.Length ?? -1;
        if (count < 0)
        {
            foreach (int axis in axes)
            {
                dims[axis] = Dimension.Unknown;
            }
            ShapeMath.SetShape(ctx, 0, Shape.Of(dims));
            return;
        }
        if (count != axes.Length)
        {
            ctx.Fail($"{(useScales ? "scales" : "sizes")} has {count} entries, expected {axes.Length}");
            return;
        }
        bool ok = useScales ? ApplyScales(ctx, dims, axes, scales!) : ApplySizes(ctx, dims, axes, sizes!);
        if (ok && useScales)
        {
            ForgetCroppedAxes(ctx, dims, axes);
        }
        if (ok)
        {
            ShapeMath.SetShape(ctx, 0, Shape.Of(dims));
        }
    }

    /// <summary>The experimental Upsample-1: NCHW input, scales for H and W only.</summary>
    private static void InferUpsample1(InferenceContext ctx)
    {
        var shape = ctx.InputShape(0);
        if (shape.IsRanked && shape.Rank != 4)
        {
            ctx.Fail($"the input must be 4-D (NCHW), got {shape}");
            return;
        }
        var dims = shape.IsRanked ? ShapeMath.Dims(shape) : [.. Shape.OfRank(4).Dimensions];
        if (ApplyScales(ctx, dims, [2, 3], [ctx.GetFloat("height_scale", 1), ctx.GetFloat("width_scale", 1)]))
        {
            ShapeMath.SetShape(ctx, 0, Shape.Of(dims));
        }
    }

    /// <summary>With tf_crop_and_resize the spec scales the region of interest, not the whole axis, while ONNX's own
    /// inference ignores it; axes whose region is not [0, 1] (or unknown) are left unknown rather than guessed.</summary>
    private static void ForgetCroppedAxes(InferenceContext ctx, Dimension[] dims, int[] axes)
    {
        if (ctx.GetString("coordinate_transformation_mode", "half_pixel") != "tf_crop_and_resize" || !ctx.HasInput(1)
            || ctx.Schema.Id.Name != "Resize" || ctx.Schema.Id.SinceVersion < 11)
        {
            return;
        }
        double[]? roi = ConstantFloats(ctx, 1);
        if (roi is { Length: 0 })
        {
            return;
        }
        for (int i = 0; i < axes.Length; i++)
        {
            bool whole = roi is not null && roi.Length == 2 * axes.Length && roi[i] == 0 && roi[i + axes.Length] == 1;
            if (!whole)
            {
                dims[axes[i]] = Dimension.Unknown;
            }
        }
    }

    /// <summary>Whether operand <paramref name="input"/> is present and not empty: true, false, or null when that is
    /// unknown (a non-constant operand of unknown length).</summary>
    private static bool? Given(InferenceContext ctx, int input, int? constantLength)
    {
        if (!ctx.HasInput(input))
        {
            return false;
        }
        long? count = constantLength ?? ctx.InputShape(input).ElementCount;
        return count is { } n ? n > 0 : null;
    }

    private static double[]? FloatsAttr(InferenceContext ctx, string name) =>
        ctx.Attr(name) is { Kind: AttributeKind.Floats } v ? [.. v.AsFloats().Select(f => (double)f)] : null;

    private static double[]? ConstantFloats(InferenceContext ctx, int input) =>
        ctx.InputConstant(input) is { } c ? TensorValues.ToDoubleArray(c) : null;

    private static bool ApplyScales(InferenceContext ctx, Dimension[] dims, int[] axes, double[] scales)
    {
        for (int i = 0; i < axes.Length; i++)
        {
            double scale = scales[i];
            if (!(scale > 0) || double.IsInfinity(scale))
            {
                ctx.Fail($"scale {scale} must be a positive number");
                return false;
            }
            var d = dims[axes[i]];
            dims[axes[i]] = scale == 1 ? d : d.IsStatic ? ShapeMath.Dim(Floor(d.Value * scale)) : Dimension.Unknown;
        }
        return true;
    }

    private static long Floor(double value) => value >= long.MaxValue ? long.MaxValue : (long)System.Math.Floor(value);

    private static bool ApplySizes(InferenceContext ctx, Dimension[] dims, int[] axes, long[] sizes)
    {
        if (sizes.Any(v => v < 0))
        {
            ctx.Fail("sizes must not be negative");
            return false;
        }
        string policy = ctx.GetString("keep_aspect_ratio_policy", "stretch") ?? "stretch";
        if (policy == "stretch")
        {
            for (int i = 0; i < axes.Length; i++)
            {
                dims[axes[i]] = ShapeMath.Dim(sizes[i]);
            }
            return true;
        }
        if (policy is not ("not_larger" or "not_smaller"))
        {
            ctx.Fail($"unknown keep_aspect_ratio_policy '{policy}'");
            return false;
        }
        if (axes.Any(a => !dims[a].IsStatic || dims[a].Value == 0))
        {
            foreach (int a in axes)
            {
                dims[a] = Dimension.Unknown;
            }
            return true;
        }
        var ratios = axes.Select((a, i) => (double)sizes[i] / dims[a].Value).ToList();
        double scale = policy == "not_larger" ? ratios.Min() : ratios.Max();
        foreach (int a in axes)
        {
            dims[a] = ShapeMath.Dim(Floor((scale * dims[a].Value) + 0.5));
        }
        return true;
    }
}
