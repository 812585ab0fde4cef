using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.Tensor.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Tensor;

/// <summary>Gather, GatherElements and GatherND.</summary>
internal static class GatherOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        s.Define("Gather", 1, 11, 13).Evaluate(GatherKernels.Gather).Input("data", "T").Input("indices", "Tind").Output("output", "T")
            .Attr("axis", AttributeKind.Int, 0L).Constraint("T", AllIr10).Constraint("Tind", TypeSets.Index).Infer(InferGather);
        s.Define("GatherElements", 11, 13).Evaluate(GatherKernels.GatherElements).Input("data", "T").Input("indices", "Tind").Output("output", "T")
            .Attr("axis", AttributeKind.Int, 0L).Constraint("T", All).Constraint("Tind", TypeSets.Index).Infer(InferGatherElements);
        s.Define("GatherND", 11).Evaluate(GatherKernels.GatherND).Input("data", "T").Input("indices", "tensor(int64)").Output("output", "T")
            .Constraint("T", All).Infer(InferGatherNd);
        s.Define("GatherND", 12, 13).Evaluate(GatherKernels.GatherND).Input("data", "T").Input("indices", "tensor(int64)").Output("output", "T")
            .Attr("batch_dims", AttributeKind.Int, 0L).Constraint("T", All).Infer(InferGatherNd);
    }

    private static void InferGather(InferenceContext ctx)
    {
        var data = ctx.InputShape(0);
        var indices = ctx.InputShape(1);
        if (!data.IsRanked)
        {
            return;
        }
        if (data.Rank == 0)
        {
            ctx.Fail("data must have rank 1 or more");
            return;
        }
        if (!ShapeMath.TryAxis(ctx, ctx.GetInt("axis", 0), data.Rank, out int axis) || !indices.IsRanked)
        {
            return;
        }
        var dims = data.Dimensions.Take(axis).Concat(indices.Dimensions).Concat(data.Dimensions.Skip(axis + 1));
        ShapeMath.SetShape(ctx, 0, ShapeMath.ToShape(dims));
    }

    private static void InferGatherElements(InferenceContext ctx)
    {
        var data = ctx.InputShape(0);
        var indices = ctx.InputShape(1);
        if (data.IsRanked && indices.IsRanked && data.Rank != indices.Rank)
        {
            ctx.Fail($"data {data} and indices {indices} must have the same rank");
            return;
        }
        int rank = data.IsRanked ? data.Rank : indices.IsRanked ? indices.Rank : -1;
        if (rank >= 0 && ShapeMath.TryAxis(ctx, ctx.GetInt("axis", 0), rank, out _))
        {
            ShapeMath.SetShape(ctx, 0, indices.IsRanked ? indices : Shape.OfRank(rank));
        }
    }

    private static void InferGatherNd(InferenceContext ctx)
    {
        var data = ctx.InputShape(0);
        var indices = ctx.InputShape(1);
        long batchDims = ctx.GetInt("batch_dims", 0);
        if (!data.IsRanked || !indices.IsRanked)
        {
            return;
        }
        int r = data.Rank;
        int q = indices.Rank;
        if (r < 1 || q < 1)
        {
            ctx.Fail($"data {data} and indices {indices} must both have rank 1 or more");
            return;
        }
        if (batchDims < 0 || batchDims >= System.Math.Min(r, q))
        {
            ctx.Fail($"batch_dims {batchDims} must be less than the ranks of data ({r}) and indices ({q})");
            return;
        }
        var last = indices[q - 1];
        if (!last.IsStatic)
        {
            return;
        }
        long k = last.Value;
        if (k < 1 || k > r - batchDims)
        {
            ctx.Fail($"the last dim of indices ({k}) must be in [1, {r - batchDims}]");
            return;
        }
        var dims = indices.Dimensions.Take(q - 1).Concat(data.Dimensions.Skip((int)(batchDims + k)));
        ShapeMath.SetShape(ctx, 0, ShapeMath.ToShape(dims));
    }
}
