using Halo.Core.IR.Attributes;
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
            s.Define(name, 1, 11).Input("input", "T").Output("output", "T").Attr("axis", AttributeKind.Int, 1L)
                .Constraint("T", Float3).Infer(Flattened);
            s.Define(name, 13).Input("input", "T").Output("output", "T").Attr("axis", AttributeKind.Int, -1L)
                .Constraint("T", Float).Infer(SingleAxis);
        }
    }

    /// <summary>ONNX: the flattening axis may be any of [-r, r] (r splits off an empty inner block).</summary>
    private static void Flattened(InferenceContext ctx)
    {
        var shape = ctx.InputShape(0);
        ctx.SetOutputShape(0, shape);
        long axis = ctx.GetInt("axis", 1);
        if (shape.IsRanked && (axis < -shape.Rank || axis > shape.Rank))
        {
            ctx.Fail($"axis {axis} is out of range for rank {shape.Rank}");
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
