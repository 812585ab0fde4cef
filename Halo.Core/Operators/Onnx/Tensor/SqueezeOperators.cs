using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.Tensor.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Tensor;

/// <summary>Squeeze, Unsqueeze and Transpose: rank and axis-order changes.</summary>
internal static class SqueezeOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        s.Define("Squeeze", 1, 11).Evaluate(ShapeKernels.Squeeze).Input("data", "T").Output("squeezed", "T").Attr("axes", AttributeKind.Ints)
            .Constraint("T", All).Infer(InferSqueeze);
        s.Define("Squeeze", 13, 21, 23).Evaluate(ShapeKernels.Squeeze).Input("data", "T").OptionalInput("axes", "tensor(int64)").Output("squeezed", "T")
            .Constraint("T", AllIr10).Infer(InferSqueeze);
        s.Define("Unsqueeze", 1, 11).Evaluate(ShapeKernels.Unsqueeze).Input("data", "T").Output("expanded", "T").RequiredAttr("axes", AttributeKind.Ints)
            .Constraint("T", All).Infer(InferUnsqueeze);
        s.Define("Unsqueeze", 13, 21, 23).Evaluate(ShapeKernels.Unsqueeze).Input("data", "T").Input("axes", "tensor(int64)").Output("expanded", "T")
            .Constraint("T", AllIr10).Infer(InferUnsqueeze);
        s.Define("Transpose", 1, 13, 21, 23).Evaluate(MoveKernels.Transpose).Input("data", "T").Output("transposed", "T").Attr("perm", AttributeKind.Ints)
            .Constraint("T", AllIr10).Infer(InferTranspose);
    }

    private static bool AxesFromInput(InferenceContext ctx) => ctx.Schema.Id.SinceVersion >= 13;

    private static void InferSqueeze(InferenceContext ctx)
    {
        var shape = ctx.InputShape(0);
        bool hasAxes = AxesFromInput(ctx) ? ctx.HasInput(1) : ctx.Attributes.ContainsKey("axes");
        long[]? axes = AxesFromInput(ctx) ? ctx.InputInts(1) : ShapeMath.IntsFrom(ctx, "axes", -1);
        if (!shape.IsRanked)
        {
            return;
        }
        if (hasAxes && axes is null)
        {
            long n = ShapeMath.VectorLength(ctx, 1);
            ShapeMath.SetShape(ctx, 0, n >= 0 && n <= shape.Rank ? Shape.OfRank(shape.Rank - (int)n) : Shape.Unranked);
            return;
        }
        if (axes is null)
        {
            if (shape.Dimensions.Any(d => !d.IsStatic))
            {
                return;
            }
            ShapeMath.SetShape(ctx, 0, ShapeMath.ToShape(shape.Dimensions.Where(d => d.Value != 1)));
            return;
        }
        if (ShapeMath.TryAxes(ctx, axes, shape.Rank) is not { } normalized)
        {
            return;
        }
        foreach (int a in normalized)
        {
            if (shape[a].IsStatic && shape[a].Value != 1)
            {
                ctx.Fail($"cannot squeeze axis {a} of size {shape[a].Value}");
                return;
            }
        }
        ShapeMath.SetShape(ctx, 0, ShapeMath.ToShape(shape.Dimensions.Where((_, i) => !normalized.Contains(i))));
    }

    private static void InferUnsqueeze(InferenceContext ctx)
    {
        var shape = ctx.InputShape(0);
        long[]? axes = AxesFromInput(ctx) ? ctx.InputInts(1) : ShapeMath.IntsFrom(ctx, "axes", -1);
        if (!shape.IsRanked)
        {
            return;
        }
        if (axes is null)
        {
            if (!AxesFromInput(ctx))
            {
                ctx.Fail("the 'axes' attribute is missing");
                return;
            }
            long n = ShapeMath.VectorLength(ctx, 1);
            if (n >= 0 && ShapeMath.CheckRank(ctx, shape.Rank + n))
            {
                ShapeMath.SetShape(ctx, 0, Shape.OfRank(shape.Rank + (int)n));
            }
            return;
        }
        long outRank = shape.Rank + (long)axes.Length;
        if (!ShapeMath.CheckRank(ctx, outRank) || ShapeMath.TryAxes(ctx, axes, (int)outRank) is not { } normalized)
        {
            return;
        }
        var dims = new Dimension[outRank];
        var inserted = new bool[outRank];
        foreach (int a in normalized)
        {
            inserted[a] = true;
        }
        int next = 0;
        for (int i = 0; i < dims.Length; i++)
        {
            dims[i] = inserted[i] ? ShapeMath.Dim(1) : shape[next++];
        }
        ShapeMath.SetShape(ctx, 0, Shape.Of(dims));
    }

    private static void InferTranspose(InferenceContext ctx)
    {
        var shape = ctx.InputShape(0);
        var perm = ctx.GetInts("perm");
        if (!shape.IsRanked)
        {
            if (perm is { } p && ShapeMath.CheckRank(ctx, p.Length))
            {
                ShapeMath.SetShape(ctx, 0, Shape.OfRank(p.Length));
            }
            return;
        }
        int rank = shape.Rank;
        if (perm is not { } order)
        {
            ShapeMath.SetShape(ctx, 0, ShapeMath.ToShape(shape.Dimensions.Reverse()));
            return;
        }
        if (order.Length != rank)
        {
            ctx.Fail($"'perm' has {order.Length} entries but the input has rank {rank}");
            return;
        }
        var seen = new bool[rank];
        var dims = new Dimension[rank];
        for (int i = 0; i < rank; i++)
        {
            if (order[i] < 0 || order[i] >= rank || seen[order[i]])
            {
                ctx.Fail($"'perm' [{string.Join(",", order)}] is not a permutation of 0..{rank - 1}");
                return;
            }
            seen[order[i]] = true;
            dims[i] = shape[(int)order[i]];
        }
        ShapeMath.SetShape(ctx, 0, Shape.Of(dims));
    }
}
