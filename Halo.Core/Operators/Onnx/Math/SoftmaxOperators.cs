using Halo.Core.IR.Attributes;
using Halo.Core.Operators.Onnx.Math.Semantics;
using static Halo.Core.Operators.Onnx.Math.MathTypeSets;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Math;

/// <summary>Softmax, LogSoftmax and Hardmax: before opset 13 over the input flattened to 2-D at axis (default 1),
/// from opset 13 along one axis (default -1); the result always has the input's shape.</summary>
internal static class SoftmaxOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        foreach (string name in new[] { "Softmax", "LogSoftmax", "Hardmax" })
        {
            // ONNX: opset 1 leaves the axis unchecked; opset 11 requires it in [-r, r-1].
            s.Define(name, 1).Input("input", "T").Output("output", "T").Attr("axis", AttributeKind.Int, 1L)
                .Constraint("T", Float3).Infer(MathInference.SameShape).Evaluate(SoftmaxKernels.For(name));
            s.Define(name, 11).Input("input", "T").Output("output", "T").Attr("axis", AttributeKind.Int, 1L)
                .Constraint("T", Float3).Infer(SingleAxis).Evaluate(SoftmaxKernels.For(name));
            s.Define(name, 13).Input("input", "T").Output("output", "T").Attr("axis", AttributeKind.Int, -1L)
                .Constraint("T", Float).Infer(SingleAxis).Evaluate(SoftmaxKernels.For(name));
        }
    }

    private static void SingleAxis(InferenceContext ctx)
    {
        var shape = ctx.InputShape(0);
        ctx.SetOutputShape(0, shape);
        long axis = ctx.GetInt("axis", -1);
        if (shape.IsRanked && !ShapeHelpers.TryNormalizeAxis(axis, shape.Rank, out _))
        {
            ctx.Fail($"axis {axis} is out of range for rank {shape.Rank}");
        }
    }
}
