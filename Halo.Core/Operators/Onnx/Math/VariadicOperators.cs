using Halo.Core.IR.Attributes;
using Halo.Core.Operators.Onnx.Math.Semantics;
using static Halo.Core.Operators.Onnx.Math.MathTypeSets;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Math;

/// <summary>Variadic elementwise operators (Max, Min, Mean, Sum), Where and PRelu.</summary>
internal static class VariadicOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        foreach (string name in new[] { "Max", "Min", "Mean", "Sum" })
        {
            // ONNX: before opset 8 the operands must have equal shapes, and the result takes the first one's.
            Variadic(s, name, 1, Float3).Attr("consumed_inputs", AttributeKind.Ints).Infer(MathInference.SameShape);
            Variadic(s, name, 6, Float3).Infer(MathInference.SameShape);
            Variadic(s, name, 8, Float3);
        }
        foreach (string name in new[] { "Max", "Min" })
        {
            Variadic(s, name, 12, Numeric3);
            Variadic(s, name, 13, Numeric);
        }
        foreach (string name in new[] { "Mean", "Sum" })
        {
            Variadic(s, name, 13, Float);
        }
        Where(s, 9, AllNoBf16);
        Where(s, 16, All);
        PRelu(s, 1, Float3).Attr("consumed_inputs", AttributeKind.Ints);
        PRelu(s, 6, Float3);
        PRelu(s, 7, Float3);
        PRelu(s, 9, Arith6);
        PRelu(s, 16, Arith6Bf16);
    }

    private static OperatorSchemaBuilder Variadic(OperatorSetBuilder s, string name, int version, string[] types) =>
        s.Define(name, version).VariadicInput("data_0", "T").Output(name.ToLowerInvariant(), "T")
            .Constraint("T", types).Infer(ShapeHelpers.Elementwise).Evaluate(VariadicKernels.For(name));

    private static void Where(OperatorSetBuilder s, int version, string[] types) =>
        s.Define("Where", version).Input("condition", "B").Input("X", "T").Input("Y", "T").Output("output", "T")
            .Constraint("B", Bool).Constraint("T", types).Infer(ShapeHelpers.Elementwise).Evaluate(VariadicKernels.Where);

    private static OperatorSchemaBuilder PRelu(OperatorSetBuilder s, int version, string[] types) =>
        s.Define("PRelu", version).Input("X", "T").Input("slope", "T").Output("Y", "T")
            .Constraint("T", types).Infer(version >= 7 ? PReluShape : MathInference.SameShape).Evaluate(ActivationKernels.For("PRelu")!);

    /// <summary>The slope broadcasts to X in one direction; the result has X's shape.</summary>
    private static void PReluShape(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        var slope = ctx.InputShape(1);
        ctx.SetOutputShape(0, x);
        if (!MathInference.IsUnidirectionalBroadcastable(slope, x))
        {
            ctx.Fail($"slope {slope} cannot be broadcast to X {x}");
        }
    }
}
