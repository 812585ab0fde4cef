using System.Collections.Immutable;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.NeuralNetwork;

/// <summary>Global pooling, MaxUnpool, MaxRoiPool and RoiAlign.</summary>
internal static class RegionPoolOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        foreach (string name in new[] { "GlobalAveragePool", "GlobalMaxPool" })
        {
            s.Define(name, 1, 22).Input("X", "T").Output("Y", "T").Constraint("T", Float).Infer(InferGlobal)
                .Evaluate(name == "GlobalMaxPool" ? PoolKernels.GlobalMaxPool : PoolKernels.GlobalAveragePool);
        }
        s.Define("GlobalLpPool", 1).Input("X", "T").Output("Y", "T").Attr("p", AttributeKind.Float, 2.0f)
            .Constraint("T", Float).Infer(InferGlobal).Evaluate(PoolKernels.GlobalLpPool);
        s.Define("GlobalLpPool", 2, 22).Input("X", "T").Output("Y", "T").Attr("p", AttributeKind.Int, 2L)
            .Constraint("T", Float).Infer(InferGlobal).Evaluate(PoolKernels.GlobalLpPool);

        s.Define("MaxUnpool", 9, 11, 22).Input("X", "T1").Input("I", "T2").OptionalInput("output_shape", "T2")
            .Output("output", "T1").RequiredAttr("kernel_shape", AttributeKind.Ints).Attr("pads", AttributeKind.Ints)
            .Attr("strides", AttributeKind.Ints).Constraint("T1", Float).Constraint("T2", TypeSets.Int64).Infer(InferMaxUnpool)
            .Evaluate(RegionKernels.MaxUnpool);

        s.Define("MaxRoiPool", 1, 22).Input("X", "T").Input("rois", "T").Output("Y", "T")
            .RequiredAttr("pooled_shape", AttributeKind.Ints).Attr("spatial_scale", AttributeKind.Float, 1.0f)
            .Constraint("T", Float).Infer(InferMaxRoiPool).Evaluate(RegionKernels.MaxRoiPool);

        RoiAlign(s.Define("RoiAlign", 10)).Evaluate(RoiAlignKernel.RoiAlign);
        RoiAlign(s.Define("RoiAlign", 16, 22)).Evaluate(RoiAlignKernel.RoiAlign).Attr("coordinate_transformation_mode", AttributeKind.String, "half_pixel");
    }

    private static OperatorSchemaBuilder RoiAlign(OperatorSchemaBuilder b) => b
        .Input("X", "T1").Input("rois", "T1").Input("batch_indices", "T2").Output("Y", "T1")
        .Attr("mode", AttributeKind.String, "avg").Attr("output_height", AttributeKind.Int, 1L)
        .Attr("output_width", AttributeKind.Int, 1L).Attr("sampling_ratio", AttributeKind.Int, 0L)
        .Attr("spatial_scale", AttributeKind.Float, 1.0f).Constraint("T1", Float).Constraint("T2", TypeSets.Int64)
        .Infer(InferRoiAlign);

    /// <summary>Y = (N, C, 1, 1, ...).</summary>
    private static void InferGlobal(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        if (!x.IsRanked)
        {
            return;
        }
        if (x.Rank < 2)
        {
            ctx.Fail($"input X has shape {x}, expected (N, C, spatial...)");
            return;
        }
        var dims = x.Dimensions.ToArray();
        for (int i = 2; i < dims.Length; i++)
        {
            dims[i] = Dimension.Of(1);
        }
        InferenceOutputs.SetShape(ctx, 0, Shape.Of(ImmutableArray.Create(dims)));
    }

    /// <summary>The output_shape input when constant, else (N, C, (in - 1) * stride + kernel - pads...).</summary>
    private static void InferMaxUnpool(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        if (ctx.HasInput(2))
        {
            var given = ctx.InputInts(2);
            if (given is null)
            {
                var os = ctx.InputShape(2);
                if (os.IsRanked && os.Rank == 1 && os[0].IsStatic && os[0].Value <= ConvPoolShapes.MaxSpatialRank + 2)
                {
                    InferenceOutputs.SetShape(ctx, 0, Shape.OfRank((int)os[0].Value));
                }
                return;
            }
            if (given.Any(v => v < 0) || (x.IsRanked && given.Length != x.Rank))
            {
                ctx.Fail($"output_shape [{string.Join(",", given)}] does not fit input X of shape {x}");
                return;
            }
            InferenceOutputs.SetShape(ctx, 0, Shape.Of(given));
            return;
        }
        var kernel = ctx.GetInts("kernel_shape") ?? [];
        int n = ConvPoolShapes.SpatialRank(ctx, x, Shape.Unranked, kernel);
        if (n < 0 || ConvPoolShapes.ReadWindow(ctx, kernel) is not { } w)
        {
            return;
        }
        var shape = ConvPoolShapes.BatchChannelShape(ConvPoolShapes.DimOrUnknown(x, 0), ConvPoolShapes.DimOrUnknown(x, 1),
            x, n, (d, i) => ConvPoolShapes.TransposedOutputDim(ctx, d, w, 0, i));
        if (shape is not null)
        {
            InferenceOutputs.SetShape(ctx, 0, shape);
        }
    }

    /// <summary>Y = (num_rois, C, pooled_shape...).</summary>
    private static void InferMaxRoiPool(InferenceContext ctx)
    {
        var pooled = ctx.GetInts("pooled_shape") ?? [];
        if (pooled.Length != 2 || pooled.Any(p => p < 1))
        {
            ctx.Fail($"pooled_shape [{string.Join(",", pooled)}] must be two positive sizes");
            return;
        }
        SetRoiOutput(ctx, pooled[0], pooled[1], rank: 5);
    }

    /// <summary>Y = (num_rois, C, output_height, output_width).</summary>
    private static void InferRoiAlign(InferenceContext ctx)
    {
        long h = ctx.GetInt("output_height", 1);
        long w = ctx.GetInt("output_width", 1);
        string mode = ctx.GetString("mode", "avg") ?? "avg";
        if (h < 1 || w < 1 || mode is not ("avg" or "max"))
        {
            ctx.Fail($"output_height {h}, output_width {w} must be positive and mode '{mode}' avg or max");
            return;
        }
        var indices = ctx.InputShape(2);
        if (indices.IsRanked && indices.Rank != 1)
        {
            ctx.Fail($"batch_indices has shape {indices}, expected (num_rois)");
            return;
        }
        SetRoiOutput(ctx, h, w, rank: 4);
    }

    private static void SetRoiOutput(InferenceContext ctx, long height, long width, int rank)
    {
        var x = ctx.InputShape(0);
        var rois = ctx.InputShape(1);
        if ((x.IsRanked && x.Rank != 4) || (rois.IsRanked && (rois.Rank != 2 || (rois[1].IsStatic && rois[1].Value != rank))))
        {
            ctx.Fail($"X {x} must be (N, C, H, W) and rois {rois} must be (num_rois, {rank})");
            return;
        }
        var numRois = ConvPoolShapes.DimOrUnknown(rois, 0);
        var indices = ctx.Schema.Inputs.Length > 2 ? ctx.InputShape(2) : Shape.Unranked;
        if (!numRois.IsStatic && indices.IsRanked && indices.Rank == 1)
        {
            numRois = indices[0];
        }
        InferenceOutputs.SetShape(ctx, 0, Shape.Of(numRois, ConvPoolShapes.DimOrUnknown(x, 1), height, width));
    }
}
