using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.Math.Semantics;
using static Halo.Core.Operators.Onnx.Math.MathTypeSets;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Math;

/// <summary>Elementwise binary arithmetic and bit operators: Add, Sub, Mul, Div, Pow, Mod, BitShift, Bitwise*, And, Or, Xor.</summary>
internal static class BinaryOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        foreach (string name in new[] { "Add", "Sub", "Mul", "Div" })
        {
            Legacy(s, name, 1, Float3).Attr("consumed_inputs", AttributeKind.Ints);
            Legacy(s, name, 6, Arith6);
            Binary(s, name, 7, Arith6);
            Binary(s, name, 13, Arith6Bf16);
            Binary(s, name, 14, Numeric);
        }
        s.Define("Pow", 1).Input("X", "T").Input("Y", "T").Output("Z", "T")
            .Attr("broadcast", AttributeKind.Int, 0L).Attr("axis", AttributeKind.Int)
            .Constraint("T", Float3).Infer(MathInference.LegacyBroadcast).Evaluate(BinaryKernels.For("Pow"));
        s.Define("Pow", 7).Input("X", "T").Input("Y", "T").Output("Z", "T")
            .Constraint("T", Float3).Infer(ShapeHelpers.Elementwise).Evaluate(BinaryKernels.For("Pow"));
        Pow(s, 12, Pow12, Numeric3);
        Pow(s, 13, Pow13, Numeric3);
        Pow(s, 15, Pow13, Numeric);
        s.Define("Mod", 10).Input("A", "T").Input("B", "T").Output("C", "T").Attr("fmod", AttributeKind.Int, 0L)
            .Constraint("T", Numeric3).Infer(ShapeHelpers.Elementwise).Evaluate(BinaryKernels.For("Mod"));
        s.Define("Mod", 13).Input("A", "T").Input("B", "T").Output("C", "T").Attr("fmod", AttributeKind.Int, 0L)
            .Constraint("T", Numeric).Infer(ShapeHelpers.Elementwise).Evaluate(BinaryKernels.For("Mod"));
        s.Define("BitShift", 11).Input("X", "T").Input("Y", "T").Output("Z", "T")
            .RequiredAttr("direction", AttributeKind.String).Constraint("T", UnsignedInt).Infer(BitShift).Evaluate(BinaryKernels.For("BitShift"));
        foreach (string name in new[] { "BitwiseAnd", "BitwiseOr", "BitwiseXor" })
        {
            Binary(s, name, 18, Int);
        }
        foreach (string name in new[] { "And", "Or", "Xor" })
        {
            Legacy(s, name, 1, Bool, boolResult: true);
            Binary(s, name, 7, Bool, boolResult: true);
        }
    }

    /// <summary>Opset 1 and 6 form: inputs A and B, attributes <c>broadcast</c> and <c>axis</c>, result shaped like A
    /// (of type T, or of type T1 = bool for comparisons and logic).</summary>
    internal static OperatorSchemaBuilder Legacy(OperatorSetBuilder s, string name, int version, string[] types, bool boolResult = false) =>
        Result(s.Define(name, version).Input("A", "T").Input("B", "T"), boolResult, MathInference.LegacyBroadcast)
            .Attr("broadcast", AttributeKind.Int, 0L).Attr("axis", AttributeKind.Int).Constraint("T", types)
            .Evaluate(BinaryKernels.For(name));

    /// <summary>Numpy-broadcasting form: inputs A and B, result of the broadcast shape (of type T, or T1 = bool).</summary>
    internal static OperatorSchemaBuilder Binary(OperatorSetBuilder s, string name, int version, string[] types, bool boolResult = false) =>
        Result(s.Define(name, version).Input("A", "T").Input("B", "T"), boolResult, ShapeHelpers.Elementwise).Constraint("T", types)
            .Evaluate(BinaryKernels.For(name));

    private static OperatorSchemaBuilder Result(OperatorSchemaBuilder b, bool boolResult, ShapeInferenceFunction shape) =>
        boolResult
            ? b.Output("C", "T1").Constraint("T1", Bool).Infer(MathInference.Typed(ElementType.Bool, shape))
            : b.Output("C", "T").Infer(shape);

    private static void Pow(OperatorSetBuilder s, int version, string[] baseTypes, string[] exponentTypes) =>
        s.Define("Pow", version).Input("X", "T").Input("Y", "T1").Output("Z", "T")
            .Constraint("T", baseTypes).Constraint("T1", exponentTypes).Infer(ShapeHelpers.Elementwise)
            .Evaluate(BinaryKernels.For("Pow"));

    private static void BitShift(InferenceContext ctx)
    {
        string? direction = ctx.GetString("direction", null);
        if (direction is not ("LEFT" or "RIGHT"))
        {
            ctx.Fail($"attribute direction is '{direction}', expected LEFT or RIGHT");
        }
        ShapeHelpers.Elementwise(ctx);
    }
}
