using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.Math.Semantics;
using static Halo.Core.Operators.Onnx.Math.MathTypeSets;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Math;

/// <summary>Matrix operators: MatMul, MatMulInteger, Gemm, Einsum, Det, Trilu.</summary>
internal static class MatrixOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        MatMul(s, 1, Float3);
        MatMul(s, 9, Arith6);
        MatMul(s, 13, Arith6Bf16);
        s.Define("MatMulInteger", 10).Input("A", "T1").Input("B", "T2").OptionalInput("a_zero_point", "T1")
            .OptionalInput("b_zero_point", "T2").Output("Y", "T3").Constraint("T1", Int8).Constraint("T2", Int8)
            .Constraint("T3", "tensor(int32)").Infer(MathInference.Typed(ElementType.Int32, MatMulInference.MatMul))
            .Evaluate(MatMulKernels.MatMulInteger);
        Gemm(s, 1, Float3, optionalC: false).Attr("broadcast", AttributeKind.Int, 0L);
        Gemm(s, 6, Float3, optionalC: false).Attr("broadcast", AttributeKind.Int, 0L);
        Gemm(s, 7, Float3, optionalC: false);
        Gemm(s, 9, Arith6, optionalC: false);
        Gemm(s, 11, Arith6, optionalC: true);
        Gemm(s, 13, Arith6Bf16, optionalC: true);
        s.Define("Einsum", 12).VariadicInput("Inputs", "T").Output("Output", "T").RequiredAttr("equation", AttributeKind.String)
            .Constraint("T", Numeric3).Infer(EinsumInference.Infer).Evaluate(EinsumKernel.Einsum);
        s.Define("Det", 11).Input("X", "T").Output("Y", "T").Constraint("T", Float3).Infer(MatMulInference.Det).Evaluate(MatrixKernels.Det);
        s.Define("Det", 22).Input("X", "T").Output("Y", "T").Constraint("T", Float).Infer(MatMulInference.Det).Evaluate(MatrixKernels.Det);
        s.Define("Trilu", 14).Input("input", "T").OptionalInput("k", "tensor(int64)").Output("output", "T")
            .Attr("upper", AttributeKind.Int, 1L).Constraint("T", All).Infer(MatMulInference.Trilu).Evaluate(MatrixKernels.Trilu);
    }

    private static void MatMul(OperatorSetBuilder s, int version, string[] types) =>
        s.Define("MatMul", version).Input("A", "T").Input("B", "T").Output("Y", "T").Constraint("T", types)
            .Infer(MatMulInference.MatMul).Evaluate(MatMulKernels.MatMul);

    private static OperatorSchemaBuilder Gemm(OperatorSetBuilder s, int version, string[] types, bool optionalC)
    {
        var b = s.Define("Gemm", version).Input("A", "T").Input("B", "T");
        b = optionalC ? b.OptionalInput("C", "T") : b.Input("C", "T");
        return b.Output("Y", "T").Attr("alpha", AttributeKind.Float, 1.0f).Attr("beta", AttributeKind.Float, 1.0f)
            .Attr("transA", AttributeKind.Int, 0L).Attr("transB", AttributeKind.Int, 0L)
            .Constraint("T", types).Infer(MatMulInference.Gemm).Evaluate(MatMulKernels.Gemm);
    }
}
