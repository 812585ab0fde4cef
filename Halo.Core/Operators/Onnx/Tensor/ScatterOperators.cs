using Halo.Core.IR.Attributes;
using Halo.Core.Operators.Onnx.Tensor.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Tensor;

/// <summary>Scatter, ScatterElements and ScatterND: the output has the shape of <c>data</c>.</summary>
internal static class ScatterOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        s.Define("Scatter", 9).Evaluate(ScatterKernels.ScatterElements).Input("data", "T").Input("indices", "Tind").Input("updates", "T").Output("output", "T")
            .Attr("axis", AttributeKind.Int, 0L).Constraint("T", All).Constraint("Tind", TypeSets.Index).Infer(InferScatterElements);
        s.Define("ScatterElements", 11, 13).Evaluate(ScatterKernels.ScatterElements).Input("data", "T").Input("indices", "Tind").Input("updates", "T")
            .Output("output", "T").Attr("axis", AttributeKind.Int, 0L)
            .Constraint("T", All).Constraint("Tind", TypeSets.Index).Infer(InferScatterElements);
        s.Define("ScatterElements", 16, 18).Evaluate(ScatterKernels.ScatterElements).Input("data", "T").Input("indices", "Tind").Input("updates", "T")
            .Output("output", "T").Attr("axis", AttributeKind.Int, 0L).Attr("reduction", AttributeKind.String, "none")
            .Constraint("T", All).Constraint("Tind", TypeSets.Index).Infer(InferScatterElements);
        s.Define("ScatterND", 11, 13).Evaluate(ScatterKernels.ScatterND).Input("data", "T").Input("indices", "tensor(int64)").Input("updates", "T")
            .Output("output", "T").Constraint("T", All).Infer(InferScatterNd);
        s.Define("ScatterND", 16, 18).Evaluate(ScatterKernels.ScatterND).Input("data", "T").Input("indices", "tensor(int64)").Input("updates", "T")
            .Output("output", "T").Attr("reduction", AttributeKind.String, "none").Constraint("T", All).Infer(InferScatterNd);
    }

    private static bool CheckReduction(InferenceContext ctx)
    {
        string reduction = ctx.GetString("reduction", "none") ?? "none";
        bool ok = reduction is "none" or "add" or "mul"
            || (ctx.Schema.Id.SinceVersion >= 18 && reduction is "min" or "max");
        if (!ok)
        {
            ctx.Fail($"unknown reduction '{reduction}'");
        }
        return ok;
    }

    private static void InferScatterElements(InferenceContext ctx)
    {
        var data = ctx.InputShape(0);
        var indices = ctx.InputShape(1);
        var updates = ctx.InputShape(2);
        if (!CheckReduction(ctx))
        {
            return;
        }
        if (indices.IsRanked && updates.IsRanked && !indices.Equals(updates)
            && (indices.Rank != updates.Rank || !Enumerable.Range(0, indices.Rank).All(i => ShapeMath.TryUnify(indices[i], updates[i], out _))))
        {
            ctx.Fail($"indices {indices} and updates {updates} must have the same shape");
            return;
        }
        if (data.IsRanked && indices.IsRanked && data.Rank != indices.Rank)
        {
            ctx.Fail($"data {data} and indices {indices} must have the same rank");
            return;
        }
        if (data.IsRanked && !ShapeMath.TryAxis(ctx, ctx.GetInt("axis", 0), data.Rank, out _))
        {
            return;
        }
        ShapeMath.SetShape(ctx, 0, data);
    }

    private static void InferScatterNd(InferenceContext ctx)
    {
        var data = ctx.InputShape(0);
        var indices = ctx.InputShape(1);
        var updates = ctx.InputShape(2);
        if (!CheckReduction(ctx))
        {
            return;
        }
        if (data.IsRanked && indices.IsRanked && updates.IsRanked && indices.Rank >= 1 && indices[indices.Rank - 1].IsStatic)
        {
            long k = indices[indices.Rank - 1].Value;
            long expected = indices.Rank - 1 + data.Rank - k;
            if (k > data.Rank || updates.Rank != expected)
            {
                ctx.Fail($"updates {updates} do not fit data {data} and indices {indices}");
                return;
            }
        }
        ShapeMath.SetShape(ctx, 0, data);
    }
}
