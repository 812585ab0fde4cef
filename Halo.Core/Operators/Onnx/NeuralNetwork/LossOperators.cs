using System.Collections.Immutable;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.NeuralNetwork;

/// <summary>NegativeLogLikelihoodLoss, SoftmaxCrossEntropyLoss and TfIdfVectorizer.</summary>
internal static class LossOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        s.Define("NegativeLogLikelihoodLoss", 12, 13, 22).Input("input", "T").Input("target", "Tind")
            .OptionalInput("weight", "T").Output("loss", "T").Attr("ignore_index", AttributeKind.Int)
            .Attr("reduction", AttributeKind.String, "mean").Constraint("T", Float).Constraint("Tind", TypeSets.Index)
            .Infer(InferLoss).Evaluate(LossKernels.NegativeLogLikelihood);
        s.Define("SoftmaxCrossEntropyLoss", 12, 13).Input("scores", "T").Input("labels", "Tind")
            .OptionalInput("weights", "T").Output("output", "T").OptionalOutput("log_prob", "T")
            .Attr("ignore_index", AttributeKind.Int).Attr("reduction", AttributeKind.String, "mean")
            .Constraint("T", Float).Constraint("Tind", TypeSets.Index).Infer(InferLoss)
            .Evaluate(LossKernels.SoftmaxCrossEntropy);
        s.Define("TfIdfVectorizer", 9).Input("X", "T").Output("Y", "tensor(float)").RequiredAttr("max_gram_length", AttributeKind.Int)
            .RequiredAttr("max_skip_count", AttributeKind.Int).RequiredAttr("min_gram_length", AttributeKind.Int)
            .RequiredAttr("mode", AttributeKind.String).RequiredAttr("ngram_counts", AttributeKind.Ints)
            .RequiredAttr("ngram_indexes", AttributeKind.Ints).Attr("pool_int64s", AttributeKind.Ints)
            .Attr("pool_strings", AttributeKind.Strings).Attr("weights", AttributeKind.Floats)
            .Constraint("T", "tensor(string)", "tensor(int32)", "tensor(int64)")
            .Infer(InferTfIdf).Evaluate(TfIdfKernel.TfIdfVectorizer);
    }

    /// <summary>Loss is the target's shape for reduction none, else a scalar; log_prob has the scores' shape.</summary>
    private static void InferLoss(InferenceContext ctx)
    {
        var input = ctx.InputShape(0);
        var target = ctx.InputShape(1);
        string reduction = ctx.GetString("reduction", "mean") ?? "mean";
        if (reduction is not ("none" or "sum" or "mean"))
        {
            ctx.Fail($"reduction '{reduction}' must be none, sum or mean");
            return;
        }
        if (input.IsRanked && input.Rank < 2)
        {
            ctx.Fail($"input has shape {input}, expected (N, C, d1...)");
            return;
        }
        if (input.IsRanked && target.IsRanked && !TargetMatches(input, target))
        {
            ctx.Fail($"target shape {target} does not match input {input} without its class axis");
            return;
        }
        if (ctx.HasInput(2) && !NormalizationOperators.CheckVector(ctx, 2, ConvPoolShapes.DimOrUnknown(input, 1)))
        {
            return;
        }
        InferenceOutputs.SetShape(ctx, 0, reduction != "none" ? Shape.Scalar : target.IsRanked ? target : WithoutClassAxis(input));
        if (ctx.OutputCount > 1)
        {
            InferenceOutputs.SetShape(ctx, 1, input);
        }
    }

    private static bool TargetMatches(Shape input, Shape target)
    {
        if (target.Rank != input.Rank - 1)
        {
            return false;
        }
        for (int i = 0; i < target.Rank; i++)
        {
            var a = target[i];
            var b = input[i == 0 ? 0 : i + 1];
            if (a.IsStatic && b.IsStatic && a.Value != b.Value)
            {
                return false;
            }
        }
        return true;
    }

    private static Shape WithoutClassAxis(Shape input) => input.IsRanked
        ? Shape.Of(ImmutableArray.CreateRange(input.Dimensions.Where((_, i) => i != 1)))
        : Shape.Unranked;

    /// <summary>(max ngram index + 1) or (N, max ngram index + 1).</summary>
    private static void InferTfIdf(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        var indexes = ctx.GetInts("ngram_indexes") ?? [];
        string mode = ctx.GetString("mode", "TF") ?? string.Empty;
        if (mode is not ("TF" or "IDF" or "TFIDF") || indexes.Any(i => i < 0) || (x.IsRanked && x.Rank is not (1 or 2)))
        {
            ctx.Fail($"mode '{mode}' must be TF, IDF or TFIDF, ngram_indexes non-negative and X {x} 1-D or 2-D");
            return;
        }
        var size = Dimension.Of(indexes.IsEmpty ? 0 : checked(indexes.Max() + 1));
        if (!x.IsRanked)
        {
            return;
        }
        InferenceOutputs.SetShape(ctx, 0, x.Rank == 1 ? Shape.Of(size) : Shape.Of(x[0], size));
    }
}
