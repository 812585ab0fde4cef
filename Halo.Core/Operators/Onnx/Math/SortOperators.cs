using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.Math.Semantics;
using static Halo.Core.Operators.Onnx.Math.MathTypeSets;

namespace Halo.Core.Operators.Onnx.Math;

/// <summary>Operators along one axis: CumSum and TopK (k as attribute in opset 1, as input from opset 10).</summary>
internal static class SortOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        CumSum(s, 11, CumSum11);
        CumSum(s, 14, CumSum14);
        s.Define("TopK", 1).Input("X", "T").Output("Values", "T").Output("Indices", "I")
            .Attr("axis", AttributeKind.Int, -1L).RequiredAttr("k", AttributeKind.Int)
            .Constraint("T", Float3).Constraint("I", TypeSets.Int64).Infer(TopK).Evaluate(SortKernels.TopK);
        s.Define("TopK", 10).Input("X", "T").Input("K", "tensor(int64)").Output("Values", "T").Output("Indices", "I")
            .Attr("axis", AttributeKind.Int, -1L).Constraint("T", Float3).Constraint("I", TypeSets.Int64).Infer(TopK).Evaluate(SortKernels.TopK);
        s.Define("TopK", 11).Input("X", "T").Input("K", "tensor(int64)").Output("Values", "T").Output("Indices", "I")
            .Attr("axis", AttributeKind.Int, -1L).Attr("largest", AttributeKind.Int, 1L).Attr("sorted", AttributeKind.Int, 1L)
            .Constraint("T", Numeric3).Constraint("I", TypeSets.Int64).Infer(TopK).Evaluate(SortKernels.TopK);
    }

    private static void CumSum(OperatorSetBuilder s, int version, string[] types) =>
        s.Define("CumSum", version).Input("x", "T").Input("axis", "T2").Output("y", "T")
            .Attr("exclusive", AttributeKind.Int, 0L).Attr("reverse", AttributeKind.Int, 0L)
            .Constraint("T", types).Constraint("T2", TypeSets.Index).Infer(CumSumShape).Evaluate(SortKernels.CumSum);

    private static void CumSumShape(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        ctx.SetOutputShape(0, x);
        var axisShape = ctx.InputShape(1);
        if (axisShape.IsRanked && axisShape.Rank > 1)
        {
            ctx.Fail($"CumSum axis must be a scalar or 1-element tensor, got shape {axisShape}");
            return;
        }
        if (x.IsRanked && ctx.InputInts(1) is [long axis] && !ShapeHelpers.TryNormalizeAxis(axis, x.Rank, out _))
        {
            ctx.Fail($"axis {axis} is out of range for rank {x.Rank}");
        }
    }

    /// <summary>Both results have X's shape with the axis dimension replaced by k.</summary>
    private static void TopK(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        MathInference.SetIfPresent(ctx, 1, ElementType.Int64, Shape.Unranked);
        Dimension k = Dimension.Unknown;
        if (ctx.Schema.Id.SinceVersion == 1)
        {
            // ONNX: TopK-1 requires a positive k attribute.
            long kAttr = ctx.GetInt("k", -1);
            if (kAttr <= 0)
            {
                ctx.Fail($"k = {kAttr} must be positive");
            }
            else
            {
                k = Dimension.Of(kAttr);
            }
        }
        else
        {
            var kShape = ctx.InputShape(1);
            if (kShape.IsRanked && (kShape.Rank > 1 || (kShape.Rank == 1 && kShape[0].IsStatic && kShape[0].Value != 1)))
            {
                ctx.Fail($"K must hold one element, got shape {kShape}");
                return;
            }
            if (ctx.InputInts(1) is [long kv])
            {
                k = CheckK(ctx, kv);
            }
        }
        if (!x.IsRanked)
        {
            Set(ctx, Shape.Unranked);
            return;
        }
        long axis = ctx.GetInt("axis", -1);
        if (!ShapeHelpers.TryNormalizeAxis(axis, x.Rank, out int a))
        {
            ctx.Fail($"axis {axis} is out of range for rank {x.Rank}");
            return;
        }
        if (k.IsStatic && x[a].IsStatic && k.Value > x[a].Value)
        {
            ctx.Fail($"k = {k.Value} exceeds dimension {x[a].Value} of axis {axis}");
            return;
        }
        var dims = x.Dimensions.ToBuilder();
        dims[a] = k;
        Set(ctx, Shape.Of(dims.ToImmutable()));
    }

    private static Dimension CheckK(InferenceContext ctx, long k)
    {
        if (k < 0)
        {
            ctx.Fail($"k = {k} must not be negative");
            return Dimension.Unknown;
        }
        return Dimension.Of(k);
    }

    private static void Set(InferenceContext ctx, Shape shape)
    {
        ctx.SetOutputShape(0, shape);
        MathInference.SetIfPresent(ctx, 1, ElementType.Int64, shape);
    }
}
