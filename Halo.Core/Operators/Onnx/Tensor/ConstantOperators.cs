using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.Tensor.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Tensor;

/// <summary>Constant, ConstantOfShape, EyeLike and Range: values made from attributes or scalar operands.</summary>
internal static class ConstantOperators
{
    private static readonly string[] s_constantAttributes =
        ["value", "sparse_value", "value_float", "value_floats", "value_int", "value_ints", "value_string", "value_strings"];

    public static void Register(OperatorSetBuilder s)
    {
        s.Define("Constant", 1, 9).Evaluate(ConstantKernels.Constant).Output("output", "T").RequiredAttr("value", AttributeKind.Tensor)
            .Constraint("T", All).Infer(InferConstant);
        s.Define("Constant", 11).Evaluate(ConstantKernels.Constant).Output("output", "T").Attr("value", AttributeKind.Tensor)
            .Attr("sparse_value", AttributeKind.SparseTensor).Constraint("T", All).Infer(InferConstant);
        s.Define("Constant", 12, 13, 19, 21, 23).Evaluate(ConstantKernels.Constant).Output("output", "T").Attr("value", AttributeKind.Tensor)
            .Attr("sparse_value", AttributeKind.SparseTensor)
            .Attr("value_float", AttributeKind.Float).Attr("value_floats", AttributeKind.Floats)
            .Attr("value_int", AttributeKind.Int).Attr("value_ints", AttributeKind.Ints)
            .Attr("value_string", AttributeKind.String).Attr("value_strings", AttributeKind.Strings)
            .Constraint("T", AllIr10).Infer(InferConstant);

        s.Define("ConstantOfShape", 9, 20, 21, 23).Evaluate(ConstantKernels.ConstantOfShape).Input("input", "T1").Output("output", "T2")
            .Attr("value", AttributeKind.Tensor).Constraint("T1", TypeSets.Int64)
            .Constraint("T2", [.. Numeric, .. Bool, .. Float8, .. FourBit]).Infer(InferConstantOfShape);

        s.Define("EyeLike", 9, 22).Evaluate(ConstantKernels.EyeLike).Input("input", "T1").Output("output", "T2").Attr("dtype", AttributeKind.Int)
            .Attr("k", AttributeKind.Int, 0L).Constraint("T1", [.. Numeric, .. Bool])
            .Constraint("T2", [.. Numeric, .. Bool]).Infer(InferEyeLike);

        s.Define("Range", 11).Evaluate(ConstantKernels.Range).Input("start", "T").Input("limit", "T").Input("delta", "T").Output("output", "T")
            .Constraint("T", [.. Tensors("float", "double", "int16", "int32", "int64")]).Infer(InferRange);
    }

    private static string[] Tensors(params string[] names) => [.. names.Select(n => "tensor(" + n + ")")];

    private static void InferConstant(InferenceContext ctx)
    {
        var given = s_constantAttributes.Where(ctx.Attributes.ContainsKey).ToList();
        if (given.Count != 1)
        {
            ctx.Fail(given.Count == 0 ? "none of the value attributes is set"
                : "only one value attribute may be set, got " + string.Join(", ", given));
            return;
        }
        var v = ctx.Attributes[given[0]];
        IrType? type = (given[0], v.Kind) switch
        {
            ("value", AttributeKind.Tensor) => v.AsTensor().Type,
            ("sparse_value", AttributeKind.SparseTensor) =>
                new TensorType(v.AsSparseTensor().Values.ElementType, Shape.Of(v.AsSparseTensor().Dimensions.AsSpan())),
            ("value_float", AttributeKind.Float) => new TensorType(ElementType.Float, Shape.Scalar),
            ("value_floats", AttributeKind.Floats) => TensorType.Of(ElementType.Float, v.AsFloats().Length),
            ("value_int", AttributeKind.Int) => new TensorType(ElementType.Int64, Shape.Scalar),
            ("value_ints", AttributeKind.Ints) => TensorType.Of(ElementType.Int64, v.AsInts().Length),
            ("value_string", AttributeKind.String) => new TensorType(ElementType.String, Shape.Scalar),
            ("value_strings", AttributeKind.Strings) => TensorType.Of(ElementType.String, v.AsStrings().Length),
            _ => null,
        };
        if (type is null)
        {
            ctx.Fail($"attribute '{given[0]}' has the wrong kind {v.Kind}");
            return;
        }
        ctx.SetOutput(0, type);
    }

    private static void InferConstantOfShape(InferenceContext ctx)
    {
        var elementType = ElementType.Float;
        if (ctx.Attr("value") is { Kind: AttributeKind.Tensor } v)
        {
            var data = v.AsTensor();
            if (data.ElementCount != 1)
            {
                ctx.Fail($"'value' must hold exactly one element, got {data.ElementCount}");
                return;
            }
            elementType = data.ElementType;
        }
        var result = ShapeMath.ShapeOperand(ctx, 0);
        if (result is not null)
        {
            ctx.SetOutput(0, elementType, result);
        }
    }

    private static void InferEyeLike(InferenceContext ctx)
    {
        var shape = ctx.InputShape(0);
        if (shape.IsRanked && shape.Rank != 2)
        {
            ctx.Fail($"the input must be 2-D, got rank {shape.Rank}");
            return;
        }
        var elementType = ctx.InputElementType(0);
        if (ctx.Attributes.ContainsKey("dtype"))
        {
            long dtype = ctx.GetInt("dtype", 0);
            if (!ElementTypeExtensions.IsKnownDataType(dtype) || dtype == 0)
            {
                ctx.Fail($"'dtype' {dtype} is not a known data type");
                return;
            }
            elementType = (ElementType)dtype;
        }
        ctx.SetOutput(0, elementType, shape.IsRanked ? shape : Shape.OfRank(2));
    }

    private static void InferRange(InferenceContext ctx)
    {
        for (int i = 0; i < 3; i++)
        {
            // A one-element 1-D tensor is accepted as exporters emit it; only a provably non-scalar operand fails.
            if (ctx.InputShape(i) is { IsRanked: true } s && s.Rank != 0 && !(s.Rank == 1 && (!s[0].IsStatic || s[0].Value == 1)))
            {
                ctx.Fail($"input {i} must be a scalar, got shape {s}");
                return;
            }
        }
        var values = new double[3];
        for (int i = 0; i < 3; i++)
        {
            if (ctx.InputConstant(i) is not { } c || TensorValues.ToDoubleArray(c) is not { Length: 1 } d)
            {
                ShapeMath.SetShape(ctx, 0, Shape.OfRank(1));
                return;
            }
            values[i] = d[0];
        }
        if (values[2] == 0)
        {
            ctx.Fail("'delta' is zero");
            return;
        }
        double count = System.Math.Ceiling((values[1] - values[0]) / values[2]);
        if (double.IsNaN(count) || count > long.MaxValue / 2)
        {
            ctx.Fail("the range has no finite length");
            return;
        }
        ShapeMath.SetShape(ctx, 0, Shape.Of(System.Math.Max(0L, (long)count)));
    }
}
