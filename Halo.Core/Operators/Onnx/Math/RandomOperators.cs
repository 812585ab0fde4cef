using System.Collections.Immutable;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.Math.Semantics;
using static Halo.Core.Operators.Onnx.Math.MathTypeSets;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Math;

/// <summary>Random generators: RandomNormal, RandomUniform (shape attribute), RandomNormalLike, RandomUniformLike,
/// Bernoulli (shape of the input), Multinomial ([batch, sample_size]); the element type comes from dtype.</summary>
internal static class RandomOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        foreach (int version in new[] { 1, 22 })
        {
            string[] floats = version == 1 ? Float3 : Float;
            s.Define("RandomNormal", version).Output("output", "T").Attr("dtype", AttributeKind.Int, 1L)
                .Attr("mean", AttributeKind.Float, 0.0f).Attr("scale", AttributeKind.Float, 1.0f).Attr("seed", AttributeKind.Float)
                .RequiredAttr("shape", AttributeKind.Ints).Constraint("T", floats).Infer(FromShapeAttribute).Evaluate(RandomKernels.For(normal: true, like: false));
            s.Define("RandomUniform", version).Output("output", "T").Attr("dtype", AttributeKind.Int, 1L)
                .Attr("high", AttributeKind.Float, 1.0f).Attr("low", AttributeKind.Float, 0.0f).Attr("seed", AttributeKind.Float)
                .RequiredAttr("shape", AttributeKind.Ints).Constraint("T", floats).Infer(FromShapeAttribute).Evaluate(RandomKernels.For(normal: false, like: false));
            string[] anyInput = version == 1 ? AllNoBf16 : All;
            s.Define("RandomNormalLike", version).Input("input", "T1").Output("output", "T2").Attr("dtype", AttributeKind.Int)
                .Attr("mean", AttributeKind.Float, 0.0f).Attr("scale", AttributeKind.Float, 1.0f).Attr("seed", AttributeKind.Float)
                .Constraint("T1", anyInput).Constraint("T2", floats).Infer(LikeInput).Evaluate(RandomKernels.For(normal: true, like: true));
            s.Define("RandomUniformLike", version).Input("input", "T1").Output("output", "T2").Attr("dtype", AttributeKind.Int)
                .Attr("high", AttributeKind.Float, 1.0f).Attr("low", AttributeKind.Float, 0.0f).Attr("seed", AttributeKind.Float)
                .Constraint("T1", anyInput).Constraint("T2", floats).Infer(LikeInput).Evaluate(RandomKernels.For(normal: false, like: true));
        }
        s.Define("Bernoulli", 15).Input("input", "T1").Output("output", "T2").Attr("dtype", AttributeKind.Int)
            .Attr("seed", AttributeKind.Float).Constraint("T1", Float3).Constraint("T2", BernoulliOutput).Infer(LikeInput).Evaluate(RandomKernels.Bernoulli);
        s.Define("Bernoulli", 22).Input("input", "T1").Output("output", "T2").Attr("dtype", AttributeKind.Int)
            .Attr("seed", AttributeKind.Float).Constraint("T1", Float).Constraint("T2", BernoulliOutput).Infer(LikeInput).Evaluate(RandomKernels.Bernoulli);
        Multinomial(s, 7, Float3);
        Multinomial(s, 22, Float);
    }

    private static void Multinomial(OperatorSetBuilder s, int version, string[] types) =>
        s.Define("Multinomial", version).Input("input", "T1").Output("output", "T2").Attr("dtype", AttributeKind.Int, 6L)
            .Attr("sample_size", AttributeKind.Int, 1L).Attr("seed", AttributeKind.Float)
            .Constraint("T1", types).Constraint("T2", TypeSets.Index).Infer(MultinomialShape).Evaluate(RandomKernels.Multinomial);

    private static void FromShapeAttribute(InferenceContext ctx)
    {
        var type = MathInference.DataTypeAttr(ctx, "dtype", ElementType.Float);
        var shape = ctx.GetInts("shape") ?? ImmutableArray<long>.Empty;
        if (shape.Any(d => d < 0))
        {
            ctx.Fail($"shape [{string.Join(",", shape)}] has a negative dimension");
            ctx.SetOutput(0, type, Shape.Unranked);
            return;
        }
        ctx.SetOutput(0, type, Shape.Of(shape.AsSpan()));
    }

    /// <summary>The input's shape; the element type is dtype when given, else the input's.</summary>
    private static void LikeInput(InferenceContext ctx)
    {
        var type = MathInference.DataTypeAttr(ctx, "dtype", ctx.InputElementType(0));
        ctx.SetOutput(0, type, ctx.InputShape(0));
    }

    /// <summary>[batch_size, class_size] gives [batch_size, sample_size] of int32 or int64.</summary>
    private static void MultinomialShape(InferenceContext ctx)
    {
        var type = MathInference.DataTypeAttr(ctx, "dtype", ElementType.Int32);
        if (type is not (ElementType.Int32 or ElementType.Int64))
        {
            ctx.Fail($"Multinomial dtype must be int32 or int64, got {type}");
            type = ElementType.Undefined;
        }
        var x = ctx.InputShape(0);
        long samples = ctx.GetInt("sample_size", 1);
        if (samples < 1)
        {
            ctx.Fail($"sample_size = {samples} must be positive");
            ctx.SetOutput(0, type, Shape.OfRank(2));
            return;
        }
        if (x.IsRanked && x.Rank != 2)
        {
            ctx.Fail($"Multinomial input must be 2-D [batch_size, class_size], got {x}");
            ctx.SetOutput(0, type, Shape.OfRank(2));
            return;
        }
        ctx.SetOutput(0, type, Shape.Of(x.IsRanked ? x[0] : Dimension.Unknown, Dimension.Of(samples)));
    }
}
