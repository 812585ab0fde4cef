using Halo.Core.IR.Attributes;
using Halo.Core.Operators.Onnx.Math.Semantics;
using static Halo.Core.Operators.Onnx.Math.MathTypeSets;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Math;

/// <summary>Elementwise activations: Relu, LeakyRelu, Elu, Selu, Celu, Gelu, HardSigmoid, HardSwish, Mish, Softplus,
/// Softsign, ThresholdedRelu, Shrink, Sigmoid, Tanh.</summary>
internal static class ActivationOperators
{
    private const float SeluAlpha = 1.67326319217681884765625f;
    private const float SeluGamma = 1.05070102214813232421875f;

    public static void Register(OperatorSetBuilder s)
    {
        UnaryOperators.Legacy(s, "Relu", Float3, Float3);
        UnaryOperators.Unary(s, "Relu", 13, Float);
        UnaryOperators.Unary(s, "Relu", 14, [.. Float, .. SignedInt]);
        UnaryOperators.Legacy(s, "Sigmoid", Float3, Float);
        UnaryOperators.Legacy(s, "Tanh", Float3, Float);
        s.Define("LeakyRelu", 1).Input("X", "T").Output("Y", "T").Attr("alpha", AttributeKind.Float, 0.01f)
            .Attr("consumed_inputs", AttributeKind.Ints).Constraint("T", Float3).Infer(ShapeHelpers.SameAsInput(0))
            .Evaluate(ActivationKernels.For("LeakyRelu")!);
        UnaryOperators.Unary(s, "LeakyRelu", 6, Float3).Attr("alpha", AttributeKind.Float, 0.01f);
        UnaryOperators.Unary(s, "LeakyRelu", 16, Float).Attr("alpha", AttributeKind.Float, 0.01f);
        WithLegacy(s, "Elu", b => b.Attr("alpha", AttributeKind.Float, 1.0f));
        // ONNX: Selu-1 rounds its defaults to four decimals; opset 6 uses the float32 nearest the exact constants.
        UnaryOperators.Unary(s, "Selu", 1, Float3).Attr("alpha", AttributeKind.Float, 1.6732f).Attr("gamma", AttributeKind.Float, 1.0507f)
            .Attr("consumed_inputs", AttributeKind.Ints);
        UnaryOperators.Unary(s, "Selu", 6, Float3).Attr("alpha", AttributeKind.Float, SeluAlpha).Attr("gamma", AttributeKind.Float, SeluGamma);
        UnaryOperators.Unary(s, "Selu", 22, Float).Attr("alpha", AttributeKind.Float, SeluAlpha).Attr("gamma", AttributeKind.Float, SeluGamma);
        WithLegacy(s, "HardSigmoid", b => b.Attr("alpha", AttributeKind.Float, 0.2f).Attr("beta", AttributeKind.Float, 0.5f));
        UnaryOperators.Unary(s, "Celu", 12, FloatOnly).Attr("alpha", AttributeKind.Float, 1.0f);
        UnaryOperators.Unary(s, "Gelu", 20, Float).Attr("approximate", AttributeKind.String, "none").Infer(Gelu);
        FloatPair(s, "HardSwish", 14);
        FloatPair(s, "Mish", 18);
        FloatPair(s, "Softplus", 1);
        FloatPair(s, "Softsign", 1);
        UnaryOperators.Unary(s, "ThresholdedRelu", 10, Float3).Attr("alpha", AttributeKind.Float, 1.0f);
        UnaryOperators.Unary(s, "ThresholdedRelu", 22, Float).Attr("alpha", AttributeKind.Float, 1.0f);
        s.Define("Shrink", 9).Input("input", "T").Output("output", "T").Attr("bias", AttributeKind.Float, 0.0f)
            .Attr("lambd", AttributeKind.Float, 0.5f).Constraint("T", Numeric3).Infer(ShapeHelpers.SameAsInput(0))
            .Evaluate(ActivationKernels.For("Shrink")!);
        ClipOperators.Register(s);
    }

    /// <summary>Opset 1 (with <c>consumed_inputs</c>), opset 6 and opset 22 (bfloat16) of an activation with attributes.</summary>
    private static void WithLegacy(OperatorSetBuilder s, string name, Func<OperatorSchemaBuilder, OperatorSchemaBuilder> attrs)
    {
        attrs(UnaryOperators.Unary(s, name, 1, Float3)).Attr("consumed_inputs", AttributeKind.Ints);
        attrs(UnaryOperators.Unary(s, name, 6, Float3));
        attrs(UnaryOperators.Unary(s, name, 22, Float));
    }

    /// <summary>An activation without attributes: float16/float/double first, bfloat16 added at opset 22.</summary>
    private static void FloatPair(OperatorSetBuilder s, string name, int first)
    {
        UnaryOperators.Unary(s, name, first, Float3);
        UnaryOperators.Unary(s, name, 22, Float);
    }

    private static void Gelu(InferenceContext ctx)
    {
        string? approximate = ctx.GetString("approximate", "none");
        if (approximate is not ("none" or "tanh"))
        {
            ctx.Fail($"attribute approximate is '{approximate}', expected none or tanh");
        }
        ShapeHelpers.SameAsInput(0)(ctx);
    }
}
