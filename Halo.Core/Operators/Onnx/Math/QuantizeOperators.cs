using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.Math.Semantics;
using static Halo.Core.Operators.Onnx.Math.MathTypeSets;

namespace Halo.Core.Operators.Onnx.Math;

/// <summary>QuantizeLinear and DequantizeLinear, opsets 10 (per tensor), 13 (axis), 19 (float8, scale types),
/// 21 (block_size, 4/16-bit) and 23 (float4, output_dtype).</summary>
internal static class QuantizeOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        Quantize(s, 10, "tensor(float)", "T2").Constraint("T1", QuantizeInput10).Constraint("T2", Int8);
        Quantize(s, 13, "tensor(float)", "T2").Attr("axis", AttributeKind.Int, 1L)
            .Constraint("T1", QuantizeInput10).Constraint("T2", Int8);
        Quantize(s, 19, "T1", "T2").Attr("axis", AttributeKind.Int, 1L).Attr("saturate", AttributeKind.Int, 1L)
            .Constraint("T1", QuantizeInput19).Constraint("T2", Quantize19);
        Blocked(Quantize(s, 21, "T1", "T2").Attr("saturate", AttributeKind.Int, 1L))
            .Constraint("T1", QuantizeInput19).Constraint("T2", Quantize21);
        Blocked(Quantize(s, 23, "T2", "T3").Attr("saturate", AttributeKind.Int, 1L).Attr("precision", AttributeKind.Int, 0L))
            .Constraint("T1", QuantizeInput19).Constraint("T2", QuantizeInput19).Constraint("T3", Quantize23);

        Dequantize(s, 10, "T", "tensor(float)", "tensor(float)").Constraint("T", Dequantize10);
        Dequantize(s, 13, "T", "tensor(float)", "tensor(float)").Attr("axis", AttributeKind.Int, 1L).Constraint("T", Dequantize10);
        Dequantize(s, 19, "T1", "T2", "T2").Attr("axis", AttributeKind.Int, 1L)
            .Constraint("T1", Dequantize19).Constraint("T2", ScaleTypes);
        Dequantize(s, 21, "T1", "T2", "T2").Attr("axis", AttributeKind.Int, 1L).Attr("block_size", AttributeKind.Int, 0L)
            .Constraint("T1", Dequantize21).Constraint("T2", ScaleTypes);
        Dequantize(s, 23, "T1", "T2", "T3").Attr("axis", AttributeKind.Int, 1L).Attr("block_size", AttributeKind.Int, 0L)
            .Attr("output_dtype", AttributeKind.Int, 0L)
            .Constraint("T1", Dequantize23).Constraint("T2", ScaleTypes).Constraint("T3", ScaleTypes);
    }

    private static OperatorSchemaBuilder Quantize(OperatorSetBuilder s, int version, string scale, string output) =>
        s.Define("QuantizeLinear", version).Input("x", "T1").Input("y_scale", scale).OptionalInput("y_zero_point", output)
            .Output("y", output).Infer(QuantizeType).Evaluate(QuantizeKernels.Quantize);

    private static OperatorSchemaBuilder Blocked(OperatorSchemaBuilder b) =>
        b.Attr("axis", AttributeKind.Int, 1L).Attr("block_size", AttributeKind.Int, 0L).Attr("output_dtype", AttributeKind.Int, 0L);

    private static OperatorSchemaBuilder Dequantize(OperatorSetBuilder s, int version, string input, string scale, string output) =>
        s.Define("DequantizeLinear", version).Input("x", input).Input("x_scale", scale).OptionalInput("x_zero_point", input)
            .Output("y", output).Infer(DequantizeType).Evaluate(QuantizeKernels.Dequantize);

    /// <summary>The result type comes from the zero point, else output_dtype, else uint8; the shape is x's.</summary>
    private static void QuantizeType(InferenceContext ctx)
    {
        var outputDtype = ctx.GetInt("output_dtype", 0) == 0 ? ElementType.Undefined
            : MathInference.DataTypeAttr(ctx, "output_dtype", ElementType.Undefined);
        var type = ElementType.UInt8;
        if (ctx.HasInput(2))
        {
            type = ctx.InputElementType(2);
            if (outputDtype != ElementType.Undefined && type != ElementType.Undefined && outputDtype != type)
            {
                ctx.Fail($"output_dtype {outputDtype} differs from the y_zero_point type {type}");
            }
        }
        else if (outputDtype != ElementType.Undefined)
        {
            type = outputDtype;
        }
        ctx.SetOutput(0, type, ctx.InputShape(0));
        CheckScale(ctx);
    }

    /// <summary>The result type is output_dtype when set (opset 23), else the scale's (opset 19+) or float.</summary>
    private static void DequantizeType(InferenceContext ctx)
    {
        var type = ctx.OutputType(0) is TensorType { ElementType: not ElementType.Undefined } t ? t.ElementType
            : ctx.InputElementType(1);
        if (ctx.GetInt("output_dtype", 0) != 0)
        {
            type = MathInference.DataTypeAttr(ctx, "output_dtype", type);
        }
        ctx.SetOutput(0, type, ctx.InputShape(0));
        CheckScale(ctx);
    }

    /// <summary>A per-axis scale is 1-D along a valid axis; a blocked scale has x's rank.</summary>
    private static void CheckScale(InferenceContext ctx)
    {
        // ONNX: opset 10 has no axis; its scale is a scalar and the operators there check nothing more.
        if (!ctx.Schema.Attributes.ContainsKey("axis"))
        {
            return;
        }
        var x = ctx.InputShape(0);
        var scale = ctx.InputShape(1);
        if (!x.IsRanked || !scale.IsRanked || scale.Rank == 0)
        {
            return;
        }
        long blockSize = ctx.GetInt("block_size", 0);
        if (blockSize < 0)
        {
            ctx.Fail($"block_size = {blockSize} must not be negative");
            return;
        }
        if (blockSize == 0 && scale.Rank == 1 && x.Rank <= 1)
        {
            return;
        }
        long axis = ctx.GetInt("axis", 1);
        if (!ShapeHelpers.TryNormalizeAxis(axis, x.Rank, out int a))
        {
            ctx.Fail($"axis {axis} is out of range for rank {x.Rank}");
            return;
        }
        if (blockSize == 0 && scale.Rank == 1 && scale[0].IsStatic && x[a].IsStatic && scale[0].Value != x[a].Value
            && scale[0].Value != 1)
        {
            ctx.Fail($"per-axis scale of length {scale[0].Value} does not match dimension {x[a].Value} of axis {axis}");
        }
        else if (blockSize > 0 && scale.Rank != x.Rank)
        {
            ctx.Fail($"blocked scale {scale} must have the rank of x {x}");
        }
    }
}
