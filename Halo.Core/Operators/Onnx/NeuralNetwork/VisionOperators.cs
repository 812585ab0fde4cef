using System.Collections.Immutable;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.NeuralNetwork;

/// <summary>NonMaxSuppression, GridSample, AffineGrid and ImageDecoder.</summary>
internal static class VisionOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        s.Define("NonMaxSuppression", 10, 11).Input("boxes", "tensor(float)").Input("scores", "tensor(float)")
            .OptionalInput("max_output_boxes_per_class", "tensor(int64)").OptionalInput("iou_threshold", "tensor(float)")
            .OptionalInput("score_threshold", "tensor(float)").Output("selected_indices", "tensor(int64)")
            .Attr("center_point_box", AttributeKind.Int, 0L).Infer(InferNms)
            .Evaluate(NmsKernel.NonMaxSuppression);

        s.Define("GridSample", 16).Input("X", "T1").Input("grid", "T2").Output("Y", "T1")
            .Attr("align_corners", AttributeKind.Int, 0L).Attr("mode", AttributeKind.String, "bilinear")
            .Attr("padding_mode", AttributeKind.String, "zeros").Constraint("T1", All).Constraint("T2", Float)
            .Infer(InferGridSample).Evaluate(GridSampleKernels.GridSample);
        s.Define("GridSample", 20, 22).Input("X", "T1").Input("grid", "T2").Output("Y", "T1")
            .Attr("align_corners", AttributeKind.Int, 0L).Attr("mode", AttributeKind.String, "linear")
            .Attr("padding_mode", AttributeKind.String, "zeros").Constraint("T1", All).Constraint("T2", Float)
            .Infer(InferGridSample).Evaluate(GridSampleKernels.GridSample);

        s.Define("AffineGrid", 20).Input("theta", "T1").Input("size", "T2").Output("grid", "T1")
            .Attr("align_corners", AttributeKind.Int, 0L).Constraint("T1", Float).Constraint("T2", TypeSets.Int64)
            .Infer(InferAffineGrid).Evaluate(GridSampleKernels.AffineGrid);

        s.Define("ImageDecoder", 20).Input("encoded_stream", "T1").Output("image", "T2")
            .Attr("pixel_format", AttributeKind.String, "RGB").Constraint("T1", "tensor(uint8)")
            .Constraint("T2", "tensor(uint8)").Infer(InferImageDecoder).Evaluate(ImageDecoderKernel.ImageDecoder);
    }

    /// <summary>(num_selected, 3): batch, class and box index of each kept box.</summary>
    private static void InferNms(InferenceContext ctx)
    {
        var boxes = ctx.InputShape(0);
        var scores = ctx.InputShape(1);
        if ((boxes.IsRanked && (boxes.Rank != 3 || (boxes[2].IsStatic && boxes[2].Value != 4)))
            || (scores.IsRanked && scores.Rank != 3))
        {
            ctx.Fail($"boxes {boxes} must be (batch, spatial, 4) and scores {scores} (batch, classes, spatial)");
            return;
        }
        if (boxes.IsRanked && scores.IsRanked && !(Same(boxes[0], scores[0]) && Same(boxes[1], scores[2])))
        {
            ctx.Fail($"boxes {boxes} and scores {scores} disagree on batch or box count");
            return;
        }
        ctx.SetOutput(0, ElementType.Int64, Shape.Of(Dimension.Unknown, 3));
    }

    /// <summary>(N, C, grid spatial...).</summary>
    private static void InferGridSample(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        var grid = ctx.InputShape(1);
        string mode = ctx.GetString("mode", "linear") ?? "linear";
        string padding = ctx.GetString("padding_mode", "zeros") ?? "zeros";
        if (mode is not ("linear" or "nearest" or "cubic" or "bilinear" or "bicubic")
            || padding is not ("zeros" or "border" or "reflection"))
        {
            ctx.Fail($"mode '{mode}' or padding_mode '{padding}' is not supported");
            return;
        }
        int rank = x.IsRanked ? x.Rank : grid.IsRanked ? grid.Rank : -1;
        if (rank < 0)
        {
            return;
        }
        bool bad = rank < 3 || (ctx.Schema.Id.SinceVersion < 20 && rank != 4)
            || (x.IsRanked && grid.IsRanked && x.Rank != grid.Rank)
            || (grid.IsRanked && grid[grid.Rank - 1].IsStatic && grid[grid.Rank - 1].Value != rank - 2)
            || (x.IsRanked && grid.IsRanked && !Same(x[0], grid[0]));
        if (bad)
        {
            ctx.Fail($"X {x} and grid {grid} must be (N, C, D1..Dr) and (N, D1_out..Dr_out, r)");
            return;
        }
        var dims = new Dimension[rank];
        dims[0] = ConvPoolShapes.DimOrUnknown(x, 0).IsUnknown ? ConvPoolShapes.DimOrUnknown(grid, 0) : x[0];
        dims[1] = ConvPoolShapes.DimOrUnknown(x, 1);
        for (int i = 2; i < rank; i++)
        {
            dims[i] = ConvPoolShapes.DimOrUnknown(grid, i - 1);
        }
        InferenceOutputs.SetShape(ctx, 0, Shape.Of(ImmutableArray.Create(dims)));
    }

    /// <summary>(N, H, W, 2) for 2-D or (N, D, H, W, 3) for 3-D, from the constant size input.</summary>
    private static void InferAffineGrid(InferenceContext ctx)
    {
        var theta = ctx.InputShape(0);
        if (theta.IsRanked && (theta.Rank != 3 || (theta[1].IsStatic && theta[1].Value is not (2 or 3))))
        {
            ctx.Fail($"theta has shape {theta}, expected (N, 2, 3) or (N, 3, 4)");
            return;
        }
        var size = ctx.InputInts(1);
        if (size is null)
        {
            var sizeShape = ctx.InputShape(1);
            if (sizeShape.IsRanked && sizeShape.Rank == 1 && sizeShape[0].IsStatic && sizeShape[0].Value is 4 or 5)
            {
                InferenceOutputs.SetShape(ctx, 0, Shape.OfRank((int)sizeShape[0].Value));
            }
            return;
        }
        if (size.Length is not (4 or 5) || size.Any(v => v < 0)
            || (theta.IsRanked && theta[1].IsStatic && theta[1].Value != size.Length - 2))
        {
            ctx.Fail($"size [{string.Join(",", size)}] must be (N, C, H, W) or (N, C, D, H, W) matching theta {theta}");
            return;
        }
        var dims = new Dimension[size.Length];
        dims[0] = Dimension.Of(size[0]);
        for (int i = 2; i < size.Length; i++)
        {
            dims[i - 1] = Dimension.Of(size[i]);
        }
        dims[^1] = Dimension.Of(size.Length - 2);
        InferenceOutputs.SetShape(ctx, 0, Shape.Of(ImmutableArray.Create(dims)));
    }

    /// <summary>(H, W, channels): 1 channel for Grayscale, 3 for RGB and BGR.</summary>
    private static void InferImageDecoder(InferenceContext ctx)
    {
        string format = ctx.GetString("pixel_format", "RGB") ?? "RGB";
        var stream = ctx.InputShape(0);
        if (format is not ("RGB" or "BGR" or "Grayscale") || (stream.IsRanked && stream.Rank != 1))
        {
            ctx.Fail($"pixel_format '{format}' must be RGB, BGR or Grayscale and the stream {stream} one-dimensional");
            return;
        }
        ctx.SetOutput(0, ElementType.UInt8, Shape.Of(Dimension.Unknown, Dimension.Unknown, format == "Grayscale" ? 1 : 3));
    }

    private static bool Same(Dimension a, Dimension b) => !a.IsStatic || !b.IsStatic || a.Value == b.Value;
}
