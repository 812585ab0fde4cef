using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using static Halo.Core.Operators.Onnx.NeuralNetwork.NeuralNetworkTypeSets;

namespace Halo.Core.Operators.Onnx.NeuralNetwork;

/// <summary>ai.onnx.ml linear and support-vector models: LinearClassifier/Regressor, SVMClassifier/Regressor.</summary>
internal static class MlLinearOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        string ml = OnnxOperatorSet.MlDomain;
        s.Define(ml, "LinearClassifier", 1).Input("X", "T1").Output("Y", "T2").Output("Z", "tensor(float)")
            .Attr("classlabels_ints", AttributeKind.Ints).Attr("classlabels_strings", AttributeKind.Strings)
            .RequiredAttr("coefficients", AttributeKind.Floats).Attr("intercepts", AttributeKind.Floats)
            .Attr("multi_class", AttributeKind.Int, 0L).Attr("post_transform", AttributeKind.String, "NONE")
            .Constraint("T1", MlNumeric).Constraint("T2", StringOrInt64).Infer(InferClassifier);
        s.Define(ml, "LinearRegressor", 1).Input("X", "T").Output("Y", "tensor(float)")
            .Attr("coefficients", AttributeKind.Floats).Attr("intercepts", AttributeKind.Floats)
            .Attr("post_transform", AttributeKind.String, "NONE").Attr("targets", AttributeKind.Int, 1L)
            .Constraint("T", MlNumeric).Infer(ctx => InferRegressor(ctx, ctx.GetInt("targets", 1)));
        s.Define(ml, "SVMClassifier", 1).Input("X", "T1").Output("Y", "T2").Output("Z", "tensor(float)")
            .Attr("classlabels_ints", AttributeKind.Ints).Attr("classlabels_strings", AttributeKind.Strings)
            .Attr("coefficients", AttributeKind.Floats).Attr("kernel_params", AttributeKind.Floats)
            .Attr("kernel_type", AttributeKind.String, "LINEAR").Attr("post_transform", AttributeKind.String, "NONE")
            .Attr("prob_a", AttributeKind.Floats).Attr("prob_b", AttributeKind.Floats).Attr("rho", AttributeKind.Floats)
            .Attr("support_vectors", AttributeKind.Floats).Attr("vectors_per_class", AttributeKind.Ints)
            .Constraint("T1", MlNumeric).Constraint("T2", StringOrInt64).Infer(InferSvmClassifier);
        s.Define(ml, "SVMRegressor", 1).Input("X", "T").Output("Y", "tensor(float)")
            .Attr("coefficients", AttributeKind.Floats).Attr("kernel_params", AttributeKind.Floats)
            .Attr("kernel_type", AttributeKind.String, "LINEAR").Attr("n_supports", AttributeKind.Int, 0L)
            .Attr("one_class", AttributeKind.Int, 0L).Attr("post_transform", AttributeKind.String, "NONE")
            .Attr("rho", AttributeKind.Floats).Attr("support_vectors", AttributeKind.Floats)
            .Constraint("T", MlNumeric).Infer(ctx => InferRegressor(ctx, 1));
    }

    /// <summary>Y = (N) labels; Z = (N, classes) for three or more classes (binary models may emit 1 or 2 scores).</summary>
    private static void InferClassifier(InferenceContext ctx)
    {
        TreeEnsembleOperators.InferClassifier(ctx);
        if (ctx.OutputCount > 1 && ctx.OutputType(1) is TensorType { Shape.IsRanked: true } z && z.Shape[1] is { IsStatic: true, Value: <= 2 })
        {
            InferenceOutputs.SetShape(ctx, 1, Shape.Of(z.Shape[0], Dimension.Unknown));
        }
    }

    /// <summary>Y = (N) labels; the score count depends on the kernel mode (one-vs-one or probabilities), so Z = (N, ?).</summary>
    private static void InferSvmClassifier(InferenceContext ctx)
    {
        TreeEnsembleOperators.InferClassifier(ctx);
        if (ctx.OutputCount > 1 && ctx.OutputType(1) is TensorType { Shape.IsRanked: true } z)
        {
            InferenceOutputs.SetShape(ctx, 1, Shape.Of(z.Shape[0], Dimension.Unknown));
        }
    }

    private static void InferRegressor(InferenceContext ctx, long targets)
    {
        var x = ctx.InputShape(0);
        if ((x.IsRanked && x.Rank is not (1 or 2)) || targets < 1)
        {
            ctx.Fail($"X has shape {x} (expected (N, F)) or the target count {targets} is not positive");
            return;
        }
        InferenceOutputs.SetShape(ctx, 0, Shape.Of(MlOperators.Batch(x), targets));
    }
}
