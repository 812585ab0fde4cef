using Halo.Core.IR.Attributes;
using Halo.Core.Operators.Onnx.Math.Semantics;
using static Halo.Core.Operators.Onnx.Math.MathTypeSets;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Math;

/// <summary>Clip: bounds as attributes (opset 1, 6) or optional scalar inputs (opset 11 and later).</summary>
internal static class ClipOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        s.Define("Clip", 1).Input("input", "T").Output("output", "T").Attr("min", AttributeKind.Float)
            .Attr("max", AttributeKind.Float).Attr("consumed_inputs", AttributeKind.Ints)
            .Constraint("T", Float3).Infer(ShapeHelpers.SameAsInput(0)).Evaluate(VariadicKernels.Clip);
        s.Define("Clip", 6).Input("input", "T").Output("output", "T").Attr("min", AttributeKind.Float, float.MinValue)
            .Attr("max", AttributeKind.Float, float.MaxValue).Constraint("T", Float3).Infer(ShapeHelpers.SameAsInput(0))
            .Evaluate(VariadicKernels.Clip);
        Clip(s, 11, Float3);
        Clip(s, 12, Numeric3);
        Clip(s, 13, Numeric);
    }

    private static void Clip(OperatorSetBuilder s, int version, string[] types) =>
        s.Define("Clip", version).Input("input", "T").OptionalInput("min", "T").OptionalInput("max", "T")
            .Output("output", "T").Constraint("T", types).Infer(Bounds).Evaluate(VariadicKernels.Clip);

    /// <summary>The result has the input's shape; min and max must hold one element.</summary>
    private static void Bounds(InferenceContext ctx)
    {
        ctx.SetOutputShape(0, ctx.InputShape(0));
        for (int i = 1; i <= 2; i++)
        {
            var shape = ctx.InputShape(i);
            if (ctx.HasInput(i) && shape.IsStatic && shape.ElementCount != 1)
            {
                ctx.Fail($"Clip {(i == 1 ? "min" : "max")} must be a scalar, got shape {shape}");
            }
        }
    }
}
