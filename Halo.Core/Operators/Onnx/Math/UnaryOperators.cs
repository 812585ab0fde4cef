using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.Math.Semantics;
using static Halo.Core.Operators.Onnx.Math.MathTypeSets;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Math;

/// <summary>Elementwise unary math: Abs, Neg, Sqrt, Exp, Log, rounding, trigonometry, IsNaN/IsInf, Not, BitwiseNot.</summary>
internal static class UnaryOperators
{
    private static readonly HashSet<string> s_inputOutputNamed =
    [
        "Exp", "Log", "Tanh", "Erf", "Sign", "Softsign", "Sin", "Cos", "Tan", "Asin", "Acos", "Atan",
        "Sinh", "Cosh", "Asinh", "Acosh", "Atanh",
    ];

    private static readonly ShapeInferenceFunction s_boolSameShape = MathInference.Typed(ElementType.Bool, MathInference.SameShape);

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
        (string input, string output) = Names(name);
        s.Define(name, 1).Input(input, "T").Output(output, "T").Attr("consumed_inputs", AttributeKind.Ints)
            .Constraint("T", Float3).Infer(ShapeHelpers.SameAsInput(0)).Evaluate(UnaryKernels.For(name)!);
        Unary(s, name, 6, types6);
        Unary(s, name, 13, types13);
    }

    internal static OperatorSchemaBuilder Unary(OperatorSetBuilder s, string name, int version, string[] types)
    {
        (string input, string output) = Names(name);
        var b = s.Define(name, version).Input(input, "T").Output(output, "T").Constraint("T", types)
            .Infer(ShapeHelpers.SameAsInput(0));
        return UnaryKernels.For(name) is { } kernel ? b.Evaluate(kernel) : b;
    }

    /// <summary>The spec names the operand of some unary operators input/output rather than X/Y.</summary>
    private static (string Input, string Output) Names(string name) =>
        s_inputOutputNamed.Contains(name) ? ("input", "output") : ("X", "Y");

    private static void RegisterFloatTests(OperatorSetBuilder s)
    {
        s.Define("IsNaN", 9).Input("X", "T1").Output("Y", "T2").Constraint("T1", Float3)
            .Constraint("T2", Bool).Infer(s_boolSameShape).Evaluate(IsNaN);
        s.Define("IsNaN", 13).Input("X", "T1").Output("Y", "T2").Constraint("T1", Float)
            .Constraint("T2", Bool).Infer(s_boolSameShape).Evaluate(IsNaN);
        s.Define("IsNaN", 20).Input("X", "T1").Output("Y", "T2").Constraint("T1", [.. Float, .. Float8])
            .Constraint("T2", Bool).Infer(s_boolSameShape).Evaluate(IsNaN);
        s.Define("IsInf", 10).Input("X", "T1").Output("Y", "T2")
            .Attr("detect_negative", AttributeKind.Int, 1L).Attr("detect_positive", AttributeKind.Int, 1L)
            .Constraint("T1", "tensor(float)", "tensor(double)").Constraint("T2", Bool).Infer(s_boolSameShape).Evaluate(IsInf);
        s.Define("IsInf", 20).Input("X", "T1").Output("Y", "T2")
            .Attr("detect_negative", AttributeKind.Int, 1L).Attr("detect_positive", AttributeKind.Int, 1L)
            .Constraint("T1", [.. Float, .. Float8]).Constraint("T2", Bool).Infer(s_boolSameShape).Evaluate(IsInf);
    }

    private static void IsNaN(global::Halo.Core.Semantics.EvaluationContext ctx) => UnaryKernels.FloatTest(ctx, nan: true);

    private static void IsInf(global::Halo.Core.Semantics.EvaluationContext ctx) => UnaryKernels.FloatTest(ctx, nan: false);
}
