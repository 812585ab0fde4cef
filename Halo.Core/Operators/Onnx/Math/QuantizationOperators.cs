using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.Math.Semantics;
using static Halo.Core.Operators.Onnx.Math.MathTypeSets;

namespace Halo.Core.Operators.Onnx.Math;

/// <summary>Quantization: QuantizeLinear, DequantizeLinear, DynamicQuantizeLinear, QLinearMatMul, QLinearConv, ConvInteger.</summary>
internal static class QuantizationOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        QuantizeOperators.Register(s);
        s.Define("DynamicQuantizeLinear", 11).Input("x", "T1").Output("y", "T2").Output("y_scale", "tensor(float)")
            .Output("y_zero_point", "T2").Constraint("T1", FloatOnly).Constraint("T2", "tensor(uint8)").Infer(Dynamic).Evaluate(QLinearKernels.DynamicQuantize);
        QLinearMatMul(s, 10, "tensor(float)", Int8, []);
        QLinearMatMul(s, 21, "TS", Int8Float8, ScaleTypes);
        ConvAttrs(s.Define("QLinearConv", 10).Input("x", "T1").Input("x_scale", "tensor(float)").Input("x_zero_point", "T1")
            .Input("w", "T2").Input("w_scale", "tensor(float)").Input("w_zero_point", "T2")
            .Input("y_scale", "tensor(float)").Input("y_zero_point", "T3").OptionalInput("B", "T4").Output("y", "T3")
            .Constraint("T1", Int8).Constraint("T2", Int8).Constraint("T3", Int8).Constraint("T4", "tensor(int32)"))
            .Infer(ctx => ConvShape.Infer(ctx, 0, 3)).Evaluate(ConvKernels.QLinearConv);
        ConvAttrs(s.Define("ConvInteger", 10).Input("x", "T1").Input("w", "T2").OptionalInput("x_zero_point", "T1")
            .OptionalInput("w_zero_point", "T2").Output("y", "T3").Constraint("T1", Int8).Constraint("T2", Int8)
            .Constraint("T3", "tensor(int32)")).Infer(MathInference.Typed(ElementType.Int32, ctx => ConvShape.Infer(ctx, 0, 1)))
            .Evaluate(ConvKernels.ConvInteger);
    }

    private static OperatorSchemaBuilder ConvAttrs(OperatorSchemaBuilder b) =>
        b.Attr("auto_pad", AttributeKind.String, "NOTSET").Attr("dilations", AttributeKind.Ints)
            .Attr("group", AttributeKind.Int, 1L).Attr("kernel_shape", AttributeKind.Ints)
            .Attr("pads", AttributeKind.Ints).Attr("strides", AttributeKind.Ints);

    private static void QLinearMatMul(OperatorSetBuilder s, int version, string scale, string[] types, string[] scaleTypes)
    {
        var b = s.Define("QLinearMatMul", version).Input("a", "T1").Input("a_scale", scale).Input("a_zero_point", "T1")
            .Input("b", "T2").Input("b_scale", scale).Input("b_zero_point", "T2")
            .Input("y_scale", scale).Input("y_zero_point", "T3").Output("y", "T3")
            .Constraint("T1", types).Constraint("T2", types).Constraint("T3", types)
            .Infer(ctx => MatMulInference.MatMulOf(ctx, 0, 3)).Evaluate(QLinearKernels.QLinearMatMul);
        if (scaleTypes.Length > 0)
        {
            b.Constraint(scale, scaleTypes);
        }
    }

    /// <summary>y has x's shape; the scale and zero point are scalars.</summary>
    private static void Dynamic(InferenceContext ctx)
    {
        ctx.SetOutput(0, ElementType.UInt8, ctx.InputShape(0));
        MathInference.SetIfPresent(ctx, 1, ElementType.Float, Shape.Scalar);
        MathInference.SetIfPresent(ctx, 2, ElementType.UInt8, Shape.Scalar);
    }
}
