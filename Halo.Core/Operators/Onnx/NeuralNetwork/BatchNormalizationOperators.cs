using System.Collections.Immutable;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.NeuralNetwork;

/// <summary>BatchNormalization in each of its signatures (1, 6, 7, 9, 14, 15).</summary>
internal static class BatchNormalizationOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        // 1-9: up to four optional statistics outputs; 14-15: training_mode with two running statistics.
        Legacy(s.Define("BatchNormalization", 1)).RequiredAttr("consumed_inputs", AttributeKind.Ints)
            .Attr("is_test", AttributeKind.Int, 0L).Attr("spatial", AttributeKind.Int, 1L);
        Legacy(s.Define("BatchNormalization", 6)).Attr("is_test", AttributeKind.Int, 0L).Attr("spatial", AttributeKind.Int, 1L);
        Legacy(s.Define("BatchNormalization", 7)).Attr("spatial", AttributeKind.Int, 1L);
        Legacy(s.Define("BatchNormalization", 9));
        s.Define("BatchNormalization", 14).Input("X", "T").Input("scale", "T").Input("B", "T").Input("input_mean", "U")
            .Input("input_var", "U").Output("Y", "T").OptionalOutput("running_mean", "U").OptionalOutput("running_var", "U")
            .Attr("epsilon", AttributeKind.Float, 1e-5f).Attr("momentum", AttributeKind.Float, 0.9f)
            .Attr("training_mode", AttributeKind.Int, 0L).Constraint("T", Float).Constraint("U", Float).Infer(Infer).Evaluate(BatchNormKernels.BatchNormalization);
        s.Define("BatchNormalization", 15).Input("X", "T").Input("scale", "T1").Input("B", "T1").Input("input_mean", "T2")
            .Input("input_var", "T2").Output("Y", "T").OptionalOutput("running_mean", "T2").OptionalOutput("running_var", "T2")
            .Attr("epsilon", AttributeKind.Float, 1e-5f).Attr("momentum", AttributeKind.Float, 0.9f)
            .Attr("training_mode", AttributeKind.Int, 0L).Constraint("T", Float).Constraint("T1", Float)
            .Constraint("T2", Float).Infer(Infer).Evaluate(BatchNormKernels.BatchNormalization);
    }

    private static OperatorSchemaBuilder Legacy(OperatorSchemaBuilder b) => b
        .Input("X", "T").Input("scale", "T").Input("B", "T").Input("mean", "T").Input("var", "T").Output("Y", "T")
        .OptionalOutput("mean", "T").OptionalOutput("var", "T").OptionalOutput("saved_mean", "T")
        .OptionalOutput("saved_var", "T").Attr("epsilon", AttributeKind.Float, 1e-5f)
        .Attr("momentum", AttributeKind.Float, 0.9f).Constraint("T", Float).Infer(Infer).Evaluate(BatchNormKernels.BatchNormalization);

    /// <summary>Y has X's shape; each statistics output is (C) in spatial mode.</summary>
    private static void Infer(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        if (x.IsRanked && x.Rank < 1)
        {
            ctx.Fail("input X is a scalar, expected (N, C, ...)");
            return;
        }
        var c = x.IsRanked && x.Rank >= 2 ? x[1] : x.IsRanked ? Dimension.Of(1) : Dimension.Unknown;
        bool spatial = ctx.GetInt("spatial", 1) != 0;
        for (int i = 1; i < 5 && spatial; i++)
        {
            var p = ctx.InputShape(i);
            if (p.IsRanked && (p.Rank != 1 || (p[0].IsStatic && c.IsStatic && p[0].Value != c.Value)))
            {
                ctx.Fail($"input {ctx.Schema.Inputs[i].Name} has shape {p}, expected [{c}] (the channels of X {x})");
                return;
            }
            if (!c.IsStatic && p.IsRanked && p[0].IsStatic)
            {
                c = p[0];
            }
        }
        InferenceOutputs.SetShape(ctx, 0, x);
        for (int i = 1; i < ctx.OutputCount; i++)
        {
            // Statistics keep the type of the mean/var inputs (U or T2 from 14 on).
            var type = ctx.InputElementType(3);
            ctx.SetOutput(i, type, spatial ? Shape.Of(ImmutableArray.Create(c)) : Shape.Unranked);
        }
    }
}
