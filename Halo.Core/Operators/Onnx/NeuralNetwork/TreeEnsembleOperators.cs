using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;
using static Halo.Core.Operators.Onnx.NeuralNetwork.NeuralNetworkTypeSets;

namespace Halo.Core.Operators.Onnx.NeuralNetwork;

/// <summary>ai.onnx.ml tree ensembles: TreeEnsemble-5, TreeEnsembleClassifier and TreeEnsembleRegressor (1 and 3).</summary>
internal static class TreeEnsembleOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        string ml = OnnxOperatorSet.MlDomain;
        s.Define(ml, "TreeEnsemble", 5).Input("X", "T").Output("Y", "T").Attr("aggregate_function", AttributeKind.Int, 1L)
            .Attr("leaf_targetids", AttributeKind.Ints).Attr("leaf_weights", AttributeKind.Tensor)
            .Attr("membership_values", AttributeKind.Tensor).Attr("n_targets", AttributeKind.Int)
            .Attr("nodes_falseleafs", AttributeKind.Ints).Attr("nodes_falsenodeids", AttributeKind.Ints)
            .Attr("nodes_featureids", AttributeKind.Ints).Attr("nodes_hitrates", AttributeKind.Tensor)
            .Attr("nodes_missing_value_tracks_true", AttributeKind.Ints).Attr("nodes_modes", AttributeKind.Tensor)
            .Attr("nodes_splits", AttributeKind.Tensor).Attr("nodes_trueleafs", AttributeKind.Ints)
            .Attr("nodes_truenodeids", AttributeKind.Ints).Attr("post_transform", AttributeKind.Int, 0L)
            .Attr("tree_roots", AttributeKind.Ints).Constraint("T", "tensor(float)", "tensor(double)", "tensor(float16)")
            .Infer(InferRegressor)
            .Evaluate(TreeEnsembleKernel.TreeEnsemble);

        foreach (int v in new[] { 1, 3 })
        {
            var c = Nodes(s.Define(ml, "TreeEnsembleClassifier", v), v).Output("Y", "T2").Output("Z", "tensor(float)")
                .Attr("class_ids", AttributeKind.Ints).Attr("class_nodeids", AttributeKind.Ints)
                .Attr("class_treeids", AttributeKind.Ints).Attr("class_weights", AttributeKind.Floats)
                .Attr("classlabels_int64s", AttributeKind.Ints).Attr("classlabels_strings", AttributeKind.Strings)
                .Constraint("T2", StringOrInt64).Infer(InferClassifier);
            var r = Nodes(s.Define(ml, "TreeEnsembleRegressor", v), v).Output("Y", "tensor(float)")
                .Attr("aggregate_function", AttributeKind.String, "SUM").Attr("n_targets", AttributeKind.Int)
                .Attr("target_ids", AttributeKind.Ints).Attr("target_nodeids", AttributeKind.Ints)
                .Attr("target_treeids", AttributeKind.Ints).Attr("target_weights", AttributeKind.Floats)
                .Infer(InferRegressor);
            if (v == 3)
            {
                c.Attr("class_weights_as_tensor", AttributeKind.Tensor);
                r.Attr("target_weights_as_tensor", AttributeKind.Tensor);
            }
        }
    }

    private static OperatorSchemaBuilder Nodes(OperatorSchemaBuilder b, int version)
    {
        b.Input("X", "T1").Attr("base_values", AttributeKind.Floats).Attr("nodes_falsenodeids", AttributeKind.Ints)
            .Attr("nodes_featureids", AttributeKind.Ints).Attr("nodes_hitrates", AttributeKind.Floats)
            .Attr("nodes_missing_value_tracks_true", AttributeKind.Ints).Attr("nodes_modes", AttributeKind.Strings)
            .Attr("nodes_nodeids", AttributeKind.Ints).Attr("nodes_treeids", AttributeKind.Ints)
            .Attr("nodes_truenodeids", AttributeKind.Ints).Attr("nodes_values", AttributeKind.Floats)
            .Attr("post_transform", AttributeKind.String, "NONE").Constraint("T1", MlNumeric);
        if (version >= 3)
        {
            b.Attr("base_values_as_tensor", AttributeKind.Tensor).Attr("nodes_hitrates_as_tensor", AttributeKind.Tensor)
                .Attr("nodes_values_as_tensor", AttributeKind.Tensor);
        }
        return b;
    }

    /// <summary>Y = (N, n_targets).</summary>
    private static void InferRegressor(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        if (x.IsRanked && x.Rank is not (1 or 2))
        {
            ctx.Fail($"X has shape {x}, expected (N, F)");
            return;
        }
        var targets = ctx.Attr("n_targets") is { Kind: AttributeKind.Int } t && t.AsInt() >= 1
            ? Dimension.Of(t.AsInt()) : Dimension.Unknown;
        InferenceOutputs.SetShape(ctx, 0, Shape.Of(MlOperators.Batch(x), targets));
    }

    /// <summary>Y = (N) labels, Z = (N, number of classes) scores.</summary>
    internal static void InferClassifier(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        if (x.IsRanked && x.Rank is not (1 or 2))
        {
            ctx.Fail($"X has shape {x}, expected (N, F)");
            return;
        }
        int strings = MlOperators.ListLength(ctx, "classlabels_strings");
        int ints = System.Math.Max(MlOperators.ListLength(ctx, "classlabels_int64s"), MlOperators.ListLength(ctx, "classlabels_ints"));
        if (strings > 0 && ints > 0)
        {
            ctx.Fail("both string and integer class labels are given");
            return;
        }
        var batch = MlOperators.Batch(x);
        ctx.SetOutput(0, strings > 0 ? ElementType.String : ElementType.Int64, Shape.Of(batch));
        if (ctx.OutputCount > 1)
        {
            int classes = strings + ints;
            ctx.SetOutput(1, ElementType.Float, Shape.Of(batch, classes > 0 ? Dimension.Of(classes) : Dimension.Unknown));
        }
    }
}
