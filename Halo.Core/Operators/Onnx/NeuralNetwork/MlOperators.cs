using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;
using static Halo.Core.Operators.Onnx.NeuralNetwork.NeuralNetworkTypeSets;

namespace Halo.Core.Operators.Onnx.NeuralNetwork;

/// <summary>ai.onnx.ml: ArrayFeatureExtractor, Binarizer, LabelEncoder and CategoryMapper.</summary>
internal static class MlOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        string ml = OnnxOperatorSet.MlDomain;
        s.Define(ml, "ArrayFeatureExtractor", 1).Input("X", "T").Input("Y", "tensor(int64)").Output("Z", "T")
            .Constraint("T", [.. MlNumeric, "tensor(string)"]).Infer(InferArrayFeatureExtractor)
            .Evaluate(MlKernels.ArrayFeatureExtractor);
        s.Define(ml, "Binarizer", 1).Input("X", "T").Output("Y", "T").Attr("threshold", AttributeKind.Float, 0.0f)
            .Constraint("T", MlNumeric).Infer(ShapeHelpers.SameAsInput(0)).Evaluate(MlKernels.Binarizer);

        s.Define(ml, "LabelEncoder", 1).Input("X", "T1").Output("Y", "T2").Attr("classes_strings", AttributeKind.Strings)
            .Attr("default_int64", AttributeKind.Int, -1L).Attr("default_string", AttributeKind.String, "_Unused")
            .Constraint("T1", StringOrInt64).Constraint("T2", StringOrInt64).Infer(InferLabelEncoder)
            .Evaluate(LabelEncoderKernel.LabelEncoder);
        LabelEncoderAttrs(s.Define(ml, "LabelEncoder", 2)).Constraint("T1", LabelEncoder2).Constraint("T2", LabelEncoder2);
        LabelEncoderAttrs(s.Define(ml, "LabelEncoder", 4)).Attr("default_tensor", AttributeKind.Tensor)
            .Attr("keys_tensor", AttributeKind.Tensor).Attr("values_tensor", AttributeKind.Tensor)
            .Constraint("T1", LabelEncoder4).Constraint("T2", LabelEncoder4);

        s.Define(ml, "CategoryMapper", 1).Input("X", "T1").Output("Y", "T2").Attr("cats_int64s", AttributeKind.Ints)
            .Attr("cats_strings", AttributeKind.Strings).Attr("default_int64", AttributeKind.Int, -1L)
            .Attr("default_string", AttributeKind.String, "_Unused").Constraint("T1", StringOrInt64)
            .Constraint("T2", StringOrInt64).Infer(InferLabelEncoder);
    }

    private static OperatorSchemaBuilder LabelEncoderAttrs(OperatorSchemaBuilder b) => b
        .Input("X", "T1").Output("Y", "T2").Attr("default_float", AttributeKind.Float, -0.0f)
        .Attr("default_int64", AttributeKind.Int, -1L).Attr("default_string", AttributeKind.String, "_Unused")
        .Attr("keys_floats", AttributeKind.Floats).Attr("keys_int64s", AttributeKind.Ints)
        .Attr("keys_strings", AttributeKind.Strings).Attr("values_floats", AttributeKind.Floats)
        .Attr("values_int64s", AttributeKind.Ints).Attr("values_strings", AttributeKind.Strings)
        .Infer(InferLabelEncoder).Evaluate(LabelEncoderKernel.LabelEncoder);

    /// <summary>X's shape with the last axis replaced by the number of indices (a 1-D X gives (1, count)).</summary>
    private static void InferArrayFeatureExtractor(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        var y = ctx.InputShape(1);
        if (!x.IsRanked)
        {
            return;
        }
        if (x.Rank == 0)
        {
            ctx.Fail("input X is a scalar, expected at least one axis");
            return;
        }
        var count = y.IsRanked ? ShapeHelpers.Product(y, 0, y.Rank) : Dimension.Unknown;
        var dims = x.Rank == 1 ? [Dimension.Of(1), count] : x.Dimensions.SetItem(x.Rank - 1, count);
        InferenceOutputs.SetShape(ctx, 0, Shape.Of(dims));
    }

    /// <summary>Y has X's shape; its element type follows the values (or, for version 1 and CategoryMapper, is
    /// the other of string and int64).</summary>
    private static void InferLabelEncoder(InferenceContext ctx)
    {
        var inType = ctx.InputElementType(0);
        ElementType outType;
        if (ctx.Schema.Id.SinceVersion == 1)
        {
            outType = inType switch
            {
                ElementType.String => ElementType.Int64,
                ElementType.Int64 => ElementType.String,
                _ => ElementType.Undefined,
            };
        }
        else if (ValuesType(ctx) is { } t)
        {
            outType = t;
        }
        else
        {
            ctx.Fail("no values_* attribute says the output type");
            return;
        }
        ctx.SetOutput(0, outType, ctx.InputShape(0));
    }

    private static ElementType? ValuesType(InferenceContext ctx)
    {
        if (ctx.Attributes.TryGetValue("values_tensor", out var vt) && vt.Kind == AttributeKind.Tensor)
        {
            return vt.AsTensor().ElementType;
        }
        return ctx.Attributes.ContainsKey("values_strings") ? ElementType.String
            : ctx.Attributes.ContainsKey("values_int64s") ? ElementType.Int64
            : ctx.Attributes.ContainsKey("values_floats") ? ElementType.Float
            : null;
    }

    /// <summary>The number of values of list attribute <paramref name="name"/>, or 0 when absent.</summary>
    internal static int ListLength(InferenceContext ctx, string name) => ctx.Attributes.TryGetValue(name, out var v)
        ? v.Kind switch
        {
            AttributeKind.Ints => v.AsInts().Length,
            AttributeKind.Floats => v.AsFloats().Length,
            AttributeKind.Strings => v.AsStrings().Length,
            AttributeKind.Tensor => (int)System.Math.Min(int.MaxValue, v.AsTensor().ElementCount),
            _ => 0,
        }
        : 0;

    /// <summary>The batch size N of an (N, F) input, or 1 for a 1-D input.</summary>
    internal static Dimension Batch(Shape x) =>
        !x.IsRanked ? Dimension.Unknown : x.Rank <= 1 ? Dimension.Of(1) : x[0];
}
