using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.Tensor.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Tensor;

/// <summary>OneHot, NonZero, Unique and Compress: operators whose sizes depend on data.</summary>
internal static class IndexOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        s.Define("OneHot", 9, 11).Evaluate(IndexKernels.OneHot).Input("indices", "T1").Input("depth", "T2").Input("values", "T3").Output("output", "T3")
            .Attr("axis", AttributeKind.Int, -1L).Constraint("T1", Numeric).Constraint("T2", Numeric).Constraint("T3", All)
            .Infer(InferOneHot);
        s.Define("NonZero", 9, 13).Evaluate(IndexKernels.NonZero).Input("X", "T").Output("Y", "tensor(int64)").Constraint("T", All).Infer(InferNonZero);
        s.Define("Unique", 11).Evaluate(UniqueKernel.Unique).Input("X", "T").Output("Y", "T").OptionalOutput("indices", "tensor(int64)")
            .OptionalOutput("inverse_indices", "tensor(int64)").OptionalOutput("counts", "tensor(int64)")
            .Attr("axis", AttributeKind.Int).Attr("sorted", AttributeKind.Int, 1L).Constraint("T", All).Infer(InferUnique);
        s.Define("Compress", 9, 11).Evaluate(GatherKernels.Compress).Input("input", "T").Input("condition", "T1").Output("output", "T")
            .Attr("axis", AttributeKind.Int).Constraint("T", All).Constraint("T1", Bool).Infer(InferCompress);
    }

    private static void InferOneHot(InferenceContext ctx)
    {
        var indices = ctx.InputShape(0);
        if (ctx.InputShape(2) is { IsRanked: true } v && (v.Rank != 1 || (v[0].IsStatic && v[0].Value != 2)))
        {
            ctx.Fail($"values must be a 1-D tensor of 2 elements, got {v}");
            return;
        }
        if (!indices.IsRanked || !ShapeMath.CheckRank(ctx, indices.Rank + 1L))
        {
            return;
        }
        int rank = indices.Rank + 1;
        if (!ShapeMath.TryAxis(ctx, ctx.GetInt("axis", -1), rank, out int axis))
        {
            return;
        }
        var depth = Dimension.Unknown;
        if (ctx.InputConstant(1) is { } c && TensorValues.ToDoubleArray(c) is { Length: 1 } d)
        {
            if (!(d[0] >= 1) || d[0] > long.MaxValue / 2)
            {
                ctx.Fail($"depth {d[0]} must be a positive number");
                return;
            }
            depth = ShapeMath.Dim((long)d[0]);
        }
        var dims = indices.Dimensions.ToList();
        dims.Insert(axis, depth);
        ShapeMath.SetShape(ctx, 0, ShapeMath.ToShape(dims));
    }

    private static void InferNonZero(InferenceContext ctx)
    {
        var shape = ctx.InputShape(0);
        var rank = shape.IsRanked ? ShapeMath.Dim(shape.Rank) : Dimension.Unknown;
        var count = Dimension.Unknown;
        if (ctx.InputConstant(0) is { } c && TensorValues.ToDoubleArray(c) is { } values)
        {
            count = ShapeMath.Dim(values.Count(v => v != 0));
        }
        ctx.SetOutput(0, ElementType.Int64, Shape.Of(rank, count));
    }

    private static void InferUnique(InferenceContext ctx)
    {
        var shape = ctx.InputShape(0);
        var count = Dimension.Unknown;
        if (!ctx.Attributes.ContainsKey("axis"))
        {
            ShapeMath.SetShape(ctx, 0, Shape.OfRank(1));
            count = shape.IsRanked ? ShapeMath.Product(shape, 0, shape.Rank) : Dimension.Unknown;
        }
        else if (shape.IsRanked)
        {
            if (!ShapeMath.TryAxis(ctx, ctx.GetInt("axis", 0), shape.Rank, out int axis))
            {
                return;
            }
            var dims = ShapeMath.Dims(shape);
            count = dims[axis];
            dims[axis] = Dimension.Unknown;
            ShapeMath.SetShape(ctx, 0, Shape.Of(dims));
        }
        for (int i = 1; i < ctx.OutputCount; i++)
        {
            ctx.SetOutput(i, ElementType.Int64, Shape.Of(i == 2 ? count : Dimension.Unknown));
        }
    }

    private static void InferCompress(InferenceContext ctx)
    {
        var shape = ctx.InputShape(0);
        var condition = ctx.InputShape(1);
        if (condition.IsRanked && condition.Rank != 1)
        {
            ctx.Fail($"condition must be 1-D, got {condition}");
            return;
        }
        long[]? flags = ctx.InputInts(1);
        if (!ctx.Attributes.ContainsKey("axis"))
        {
            var total = shape.IsRanked ? ShapeMath.Product(shape, 0, shape.Rank) : Dimension.Unknown;
            ShapeMath.SetShape(ctx, 0, Shape.Of(Selected(flags, total)));
            return;
        }
        if (!shape.IsRanked || !ShapeMath.TryAxis(ctx, ctx.GetInt("axis", 0), shape.Rank, out int axis))
        {
            return;
        }
        var dims = ShapeMath.Dims(shape);
        dims[axis] = Selected(flags, dims[axis]);
        ShapeMath.SetShape(ctx, 0, Shape.Of(dims));
    }

    /// <summary>How many slices a constant condition keeps: its non-zero entries among the first <paramref name="length"/>
    /// (entries past the end select nothing); unknown when the condition is not constant.</summary>
    private static Dimension Selected(long[]? flags, Dimension length)
    {
        if (flags is null)
        {
            return Dimension.Unknown;
        }
        if (length.IsStatic)
        {
            return ShapeMath.Dim(flags.Take((int)System.Math.Min(length.Value, flags.Length)).Count(f => f != 0));
        }
        return flags.All(f => f == 0) ? ShapeMath.Dim(0) : Dimension.Unknown;
    }
}
