using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.Tensor.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Tensor;

/// <summary>DepthToSpace, SpaceToDepth, ReverseSequence and Col2Im: element rearrangements.</summary>
internal static class LayoutOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        s.Define("DepthToSpace", 1).Evaluate(LayoutKernels.DepthToSpace).Input("input", "T").Output("output", "T").RequiredAttr("blocksize", AttributeKind.Int)
            .Constraint("T", All).Infer(ctx => InferBlocks(ctx, toSpace: true));
        s.Define("DepthToSpace", 11, 13).Evaluate(LayoutKernels.DepthToSpace).Input("input", "T").Output("output", "T").RequiredAttr("blocksize", AttributeKind.Int)
            .Attr("mode", AttributeKind.String, "DCR").Constraint("T", All).Infer(ctx => InferBlocks(ctx, toSpace: true));
        s.Define("SpaceToDepth", 1, 13).Evaluate(LayoutKernels.SpaceToDepth).Input("input", "T").Output("output", "T").RequiredAttr("blocksize", AttributeKind.Int)
            .Constraint("T", All).Infer(ctx => InferBlocks(ctx, toSpace: false));
        s.Define("ReverseSequence", 10).Evaluate(LayoutKernels.ReverseSequence).Input("input", "T").Input("sequence_lens", "tensor(int64)").Output("Y", "T")
            .Attr("batch_axis", AttributeKind.Int, 1L).Attr("time_axis", AttributeKind.Int, 0L)
            .Constraint("T", All).Infer(InferReverseSequence);
        s.Define("Col2Im", 18).Evaluate(Col2ImKernel.Col2Im).Input("input", "T").Input("image_shape", "tensor(int64)").Input("block_shape", "tensor(int64)")
            .Output("output", "T").Attr("dilations", AttributeKind.Ints).Attr("pads", AttributeKind.Ints)
            .Attr("strides", AttributeKind.Ints).Constraint("T", All).Infer(InferCol2Im);
    }

    private static void InferBlocks(InferenceContext ctx, bool toSpace)
    {
        var shape = ctx.InputShape(0);
        long b = ctx.GetInt("blocksize", 0);
        string mode = ctx.GetString("mode", "DCR") ?? "DCR";
        if (b <= 0 || b > int.MaxValue || mode is not ("DCR" or "CRD"))
        {
            ctx.Fail($"blocksize {b} must be positive and mode '{mode}' one of DCR, CRD");
            return;
        }
        if (!shape.IsRanked)
        {
            ShapeMath.SetShape(ctx, 0, Shape.OfRank(4));
            return;
        }
        if (shape.Rank != 4)
        {
            ctx.Fail($"the input must be 4-D (NCHW), got {shape}");
            return;
        }
        var dims = ShapeMath.Dims(shape);
        long squared = b * b;
        if (toSpace)
        {
            if (!TryDivide(ctx, dims[1], squared, "channels", out dims[1]))
            {
                return;
            }
            dims[2] = ShapeMath.Mul(dims[2], b);
            dims[3] = ShapeMath.Mul(dims[3], b);
        }
        else
        {
            if (!TryDivide(ctx, dims[2], b, "height", out dims[2]) || !TryDivide(ctx, dims[3], b, "width", out dims[3]))
            {
                return;
            }
            dims[1] = ShapeMath.Mul(dims[1], squared);
        }
        ShapeMath.SetShape(ctx, 0, Shape.Of(dims));
    }

    private static bool TryDivide(InferenceContext ctx, Dimension d, long divisor, string what, out Dimension result)
    {
        result = Dimension.Unknown;
        if (!d.IsStatic)
        {
            return true;
        }
        if (d.Value % divisor != 0)
        {
            ctx.Fail($"{what} {d.Value} is not a multiple of {divisor}");
            return false;
        }
        result = ShapeMath.Dim(d.Value / divisor);
        return true;
    }

    private static void InferReverseSequence(InferenceContext ctx)
    {
        var shape = ctx.InputShape(0);
        long batch = ctx.GetInt("batch_axis", 1);
        long time = ctx.GetInt("time_axis", 0);
        if (batch is not (0 or 1) || time is not (0 or 1) || batch == time)
        {
            ctx.Fail($"batch_axis {batch} and time_axis {time} must be 0 and 1 in some order");
            return;
        }
        if (shape.IsRanked && shape.Rank < 2)
        {
            ctx.Fail($"the input must have rank 2 or more, got {shape}");
            return;
        }
        ShapeMath.SetShape(ctx, 0, shape);
    }

    private static void InferCol2Im(InferenceContext ctx)
    {
        var shape = ctx.InputShape(0);
        if (shape.IsRanked && shape.Rank != 3)
        {
            ctx.Fail($"the input must be 3-D [N, C*prod(block), L], got {shape}");
            return;
        }
        long[]? image = ctx.InputInts(1);
        long[]? block = ctx.InputInts(2);
        if (image is not null && block is not null && image.Length != block.Length)
        {
            ctx.Fail($"image_shape has {image.Length} entries but block_shape {block.Length}");
            return;
        }
        long spatial = image?.Length ?? block?.Length ?? ShapeMath.VectorLength(ctx, 1);
        if (spatial < 0 || !ShapeMath.CheckRank(ctx, spatial + 2))
        {
            return;
        }
        var dims = new Dimension[spatial + 2];
        dims[0] = shape.IsRanked ? shape[0] : Dimension.Unknown;
        dims[1] = Dimension.Unknown;
        if (block is not null && shape.IsRanked)
        {
            long blockSize = 1;
            foreach (long v in block)
            {
                if (v <= 0 || !ShapeMath.TryMultiply(blockSize, v, out blockSize))
                {
                    blockSize = 0;
                    break;
                }
            }
            if (blockSize <= 0 || !TryDivide(ctx, shape[1], blockSize, "the channel dim", out dims[1]))
            {
                if (blockSize <= 0)
                {
                    ctx.Fail("block_shape must be positive and its product must fit in 64 bits");
                }
                return;
            }
        }
        for (int i = 0; i < spatial; i++)
        {
            dims[i + 2] = image is not null && image[i] >= 0 ? ShapeMath.Dim(image[i]) : Dimension.Unknown;
        }
        ShapeMath.SetShape(ctx, 0, Shape.Of(dims));
    }
}
