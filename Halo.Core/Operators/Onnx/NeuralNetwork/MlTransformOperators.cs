using System.Collections.Immutable;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using static Halo.Core.Operators.Onnx.NeuralNetwork.NeuralNetworkTypeSets;

namespace Halo.Core.Operators.Onnx.NeuralNetwork;

/// <summary>ai.onnx.ml feature transforms: Scaler, Normalizer, Imputer, OneHotEncoder, FeatureVectorizer,
/// ZipMap, CastMap and DictVectorizer.</summary>
internal static class MlTransformOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        string ml = OnnxOperatorSet.MlDomain;
        s.Define(ml, "Scaler", 1).Input("X", "T").Output("Y", "tensor(float)").Attr("offset", AttributeKind.Floats)
            .Attr("scale", AttributeKind.Floats).Constraint("T", MlNumeric).Infer(SameShape);
        s.Define(ml, "Normalizer", 1).Input("X", "T").Output("Y", "tensor(float)").Attr("norm", AttributeKind.String, "MAX")
            .Constraint("T", MlNumeric).Infer(SameShape);
        s.Define(ml, "Imputer", 1).Input("X", "T").Output("Y", "T").Attr("imputed_value_floats", AttributeKind.Floats)
            .Attr("imputed_value_int64s", AttributeKind.Ints).Attr("replaced_value_float", AttributeKind.Float, 0.0f)
            .Attr("replaced_value_int64", AttributeKind.Int, 0L).Constraint("T", MlNumeric).Infer(SameShape);
        s.Define(ml, "OneHotEncoder", 1).Input("X", "T").Output("Y", "tensor(float)").Attr("cats_int64s", AttributeKind.Ints)
            .Attr("cats_strings", AttributeKind.Strings).Attr("zeros", AttributeKind.Int, 1L)
            .Constraint("T", [.. MlNumeric, "tensor(string)"]).Infer(InferOneHot);
        s.Define(ml, "FeatureVectorizer", 1).VariadicInput("X", "T1").Output("Y", "tensor(float)")
            .Attr("inputdimensions", AttributeKind.Ints).Constraint("T1", MlNumeric).Infer(InferFeatureVectorizer);
        s.Define(ml, "ZipMap", 1).Input("X", "tensor(float)").Output("Z", "T").Attr("classlabels_int64s", AttributeKind.Ints)
            .Attr("classlabels_strings", AttributeKind.Strings)
            .Constraint("T", "seq(map(string, tensor(float)))", "seq(map(int64, tensor(float)))").Infer(InferZipMap);
        s.Define(ml, "CastMap", 1).Input("X", "T1").Output("Y", "T2").Attr("cast_to", AttributeKind.String, "TO_FLOAT")
            .Attr("map_form", AttributeKind.String, "DENSE").Attr("max_map", AttributeKind.Int, 1L)
            .Constraint("T1", "map(int64, tensor(string))", "map(int64, tensor(float))")
            .Constraint("T2", "tensor(string)", "tensor(float)", "tensor(int64)").Infer(InferCastMap);
        s.Define(ml, "DictVectorizer", 1).Input("X", "T1").Output("Y", "T2").Attr("int64_vocabulary", AttributeKind.Ints)
            .Attr("string_vocabulary", AttributeKind.Strings).Constraint("T1", DictMaps)
            .Constraint("T2", "tensor(int64)", "tensor(float)", "tensor(double)", "tensor(string)").Infer(InferDictVectorizer);
    }

    private static void SameShape(InferenceContext ctx) => InferenceOutputs.SetShape(ctx, 0, ctx.InputShape(0));

    /// <summary>X's shape plus one axis of the category count.</summary>
    private static void InferOneHot(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        int cats = System.Math.Max(MlOperators.ListLength(ctx, "cats_int64s"), MlOperators.ListLength(ctx, "cats_strings"));
        if (cats == 0)
        {
            ctx.Fail("neither cats_int64s nor cats_strings lists a category");
            return;
        }
        if (x.IsRanked)
        {
            InferenceOutputs.SetShape(ctx, 0, Shape.Of(x.Dimensions.Add(Dimension.Of(cats))));
        }
    }

    /// <summary>(N, sum of inputdimensions).</summary>
    private static void InferFeatureVectorizer(InferenceContext ctx)
    {
        var dims = ctx.GetInts("inputdimensions") ?? [];
        if (dims.Any(d => d < 0) || (dims.Length > 0 && dims.Length != ctx.InputCount))
        {
            ctx.Fail($"inputdimensions [{string.Join(",", dims)}] does not describe the {ctx.InputCount} inputs");
            return;
        }
        long total = 0;
        foreach (long d in dims)
        {
            total = checked(total + d);
        }
        var width = dims.Length > 0 ? Dimension.Of(total) : Dimension.Unknown;
        InferenceOutputs.SetShape(ctx, 0, Shape.Of(MlOperators.Batch(ctx.InputShape(0)), width));
    }

    /// <summary>A sequence of maps from the class labels (strings or int64) to float scores.</summary>
    private static void InferZipMap(InferenceContext ctx)
    {
        bool strings = MlOperators.ListLength(ctx, "classlabels_strings") > 0;
        if (strings == MlOperators.ListLength(ctx, "classlabels_int64s") > 0)
        {
            ctx.Fail("exactly one of classlabels_strings and classlabels_int64s must be given");
            return;
        }
        // Map values are typed as in ONNX type strings: a float tensor without shape information.
        var map = new MapType(strings ? ElementType.String : ElementType.Int64, new TensorType(ElementType.Float, Shape.Unranked));
        ctx.SetOutput(0, new SequenceType(map));
    }

    /// <summary>A tensor of cast_to's type; (1, max_map) for SPARSE, else (1, map size).</summary>
    private static void InferCastMap(InferenceContext ctx)
    {
        string castTo = ctx.GetString("cast_to", "TO_FLOAT") ?? string.Empty;
        var type = castTo switch
        {
            "TO_FLOAT" => ElementType.Float,
            "TO_STRING" => ElementType.String,
            "TO_INT64" => ElementType.Int64,
            _ => ElementType.Undefined,
        };
        if (type == ElementType.Undefined)
        {
            ctx.Fail($"cast_to '{castTo}' must be TO_FLOAT, TO_STRING or TO_INT64");
            return;
        }
        long maxMap = ctx.GetInt("max_map", 1);
        bool sparse = ctx.GetString("map_form", "DENSE") == "SPARSE";
        ctx.SetOutput(0, type, Shape.Of(1, sparse && maxMap > 0 ? Dimension.Of(maxMap) : Dimension.Unknown));
    }

    /// <summary>(1, vocabulary size) of the map's value type.</summary>
    private static void InferDictVectorizer(InferenceContext ctx)
    {
        int size = System.Math.Max(MlOperators.ListLength(ctx, "int64_vocabulary"), MlOperators.ListLength(ctx, "string_vocabulary"));
        var type = ctx.InputType(0) is MapType { ValueType: TensorType v } ? v.ElementType : ElementType.Undefined;
        ctx.SetOutput(0, type, Shape.Of(ImmutableArray.Create(Dimension.Of(1), size > 0 ? Dimension.Of(size) : Dimension.Unknown)));
    }
}
