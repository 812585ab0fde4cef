using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.Tensor.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Tensor;

/// <summary>Expand and Tile.</summary>
internal static class ExpandOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        s.Define("Expand", 8, 13).Evaluate(MoveKernels.Expand).Input("input", "T").Input("shape", "tensor(int64)").Output("output", "T")
            .Constraint("T", All).Infer(InferExpand);
        s.Define("Tile", 1).Evaluate(MoveKernels.Tile).Input("input", "T").Input("tiles", "T1").Input("axis", "T1").Output("output", "T")
            .Constraint("T", All).Constraint("T1", TypeSets.Int64).Infer(InferTile1);
        s.Define("Tile", 6, 13).Evaluate(MoveKernels.Tile).Input("input", "T").Input("repeats", "T1").Output("output", "T")
            .Constraint("T", All).Constraint("T1", TypeSets.Int64).Infer(InferTile);
    }

    private static void InferExpand(InferenceContext ctx)
    {
        var input = ctx.InputShape(0);
        var targetShape = ShapeMath.ShapeOperand(ctx, 1);
        if (targetShape is null)
        {
            return;
        }
        if (!ShapeHelpers.TryBroadcast([input, targetShape], out var result, out string? error))
        {
            ctx.Fail(error!);
            return;
        }
        ShapeMath.SetShape(ctx, 0, result);
    }

    private static void InferTile(InferenceContext ctx)
    {
        var input = ctx.InputShape(0);
        var repeatsShape = ctx.InputShape(1);
        if (repeatsShape.IsRanked && repeatsShape.Rank != 1)
        {
            ctx.Fail($"repeats must be 1-D, got {repeatsShape}");
            return;
        }
        long n = ShapeMath.VectorLength(ctx, 1);
        if (!input.IsRanked)
        {
            if (n >= 0 && ShapeMath.CheckRank(ctx, n))
            {
                ShapeMath.SetShape(ctx, 0, Shape.OfRank((int)n));
            }
            return;
        }
        if (n >= 0 && n != input.Rank)
        {
            ctx.Fail($"repeats has {n} entries but the input has rank {input.Rank}");
            return;
        }
        if (ctx.InputInts(1) is not { } repeats)
        {
            ShapeMath.SetShape(ctx, 0, Shape.OfRank(input.Rank));
            return;
        }
        var dims = new Dimension[input.Rank];
        for (int i = 0; i < dims.Length; i++)
        {
            if (repeats[i] < 0)
            {
                ctx.Fail($"repeats has a negative entry {repeats[i]}");
                return;
            }
            dims[i] = ShapeMath.Mul(input[i], repeats[i]);
        }
        ShapeMath.SetShape(ctx, 0, Shape.Of(dims));
    }

    private static void InferTile1(InferenceContext ctx)
    {
        var input = ctx.InputShape(0);
        if (!input.IsRanked)
        {
            return;
        }
        var dims = ShapeMath.Dims(input);
        long[]? tiles = ctx.InputInts(1);
        long[]? axis = ctx.InputInts(2);
        if (tiles is { Length: 1 } && axis is { Length: 1 })
        {
            if (!ShapeMath.TryAxis(ctx, axis[0], input.Rank, out int a))
            {
                return;
            }
            dims[a] = ShapeMath.Mul(dims[a], tiles[0]);
        }
        else
        {
            dims = [.. dims.Select(_ => Dimension.Unknown)];
        }
        ShapeMath.SetShape(ctx, 0, Shape.Of(dims));
    }
}
