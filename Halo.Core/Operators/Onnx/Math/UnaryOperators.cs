using Halo.Core.IR.Attributes;
using static Halo.Core.Operators.Onnx.Math.MathTypeSets;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Math;

/// <summary>Elementwise unary math: Abs, Neg, Sqrt, Exp, Log, rounding, trigonometry, IsNaN/IsInf, Not, BitwiseNot.</summary>
internal static class UnaryOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        Legacy(s, "Abs", Numeric3, Numeric);
        Legacy(s, "Neg", Signed3, Signed);
        foreach (string name in new[] { "Reciprocal", "Sqrt", "Exp", "Log", "Ceil", "Floor" })
        {
            Legacy(s, name, Float3, Float);
        }
        Unary(s, "Round", 11, Float3);
        Unary(s, "Round", 22, Float);
        foreach (string name in new[] { "Sign", "Erf" })
        {
            Unary(s, name, 9, Numeric3);
            Unary(s, name, 13, Numeric);
        }
        foreach (string name in new[] { "Sin", "Cos", "Tan", "Asin", "Acos", "Atan" })
        {
            Unary(s, name, 7, Float3);
            Unary(s, name, 22, Float);
        }
        foreach (string name in new[] { "Sinh", "Cosh", "Asinh", "Acosh", "Atanh" })
        {
            Unary(s, name, 9, Float3);
            Unary(s, name, 22, Float);
        }
        Unary(s, "Not", 1, Bool);
        Unary(s, "BitwiseNot", 18, Int);
        RegisterFloatTests(s);
    }

    /// <summary>Opset 1 (with the legacy <c>consumed_inputs</c> attribute, float types), opset 6 and opset 13 (bfloat16).</summary>
    internal static void Legacy(OperatorSetBuilder s, string name, string[] types6, string[] types13)
    {
        s.Define(name, 1).Input("X", "T").Output("Y", "T").Attr("consumed_inputs", AttributeKind.Ints)
            .Constraint("T", Float3).Infer(ShapeHelpers.SameAsInput(0));
        Unary(s, name, 6, types6);
        Unary(s, name, 13, types13);
    }

    internal static OperatorSchemaBuilder Unary(OperatorSetBuilder s, string name, int version, string[] types) =>
        s.Define(name, version).Input("X", "T").Output("Y", "T").Constraint("T", types).Infer(ShapeHelpers.SameAsInput(0));

    private static void RegisterFloatTests(OperatorSetBuilder s)
    {
        s.Define("IsNaN", 9).Input("X", "T1").Output("Y", "tensor(bool)").Constraint("T1", Float3)
            .Infer(MathInference.SameShape);
        s.Define("IsNaN", 13).Input("X", "T1").Output("Y", "tensor(bool)").Constraint("T1", Float)
            .Infer(MathInference.SameShape);
        s.Define("IsNaN", 20).Input("X", "T1").Output("Y", "tensor(bool)").Constraint("T1", [.. Float, .. Float8])
            .Infer(MathInference.SameShape);
        s.Define("IsInf", 10).Input("X", "T1").Output("Y", "tensor(bool)")
            .Attr("detect_negative", AttributeKind.Int, 1L).Attr("detect_positive", AttributeKind.Int, 1L)
            .Constraint("T1", "tensor(float)", "tensor(double)").Infer(MathInference.SameShape);
        s.Define("IsInf", 20).Input("X", "T1").Output("Y", "tensor(bool)")
            .Attr("detect_negative", AttributeKind.Int, 1L).Attr("detect_positive", AttributeKind.Int, 1L)
            .Constraint("T1", [.. Float, .. Float8]).Infer(MathInference.SameShape);
    }
}
