using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.Math.Semantics;
using static Halo.Core.Operators.Onnx.Math.MathTypeSets;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Math;

/// <summary>Dropout: ratio as attribute (opset 1 to 10) or optional input (opset 12 and later); optional mask output.</summary>
internal static class DropoutOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        s.Define("Dropout", 1).Input("data", "T").Output("output", "T").OptionalOutput("mask", "T")
            .Attr("consumed_inputs", AttributeKind.Ints).Attr("is_test", AttributeKind.Int, 0L)
            .Attr("ratio", AttributeKind.Float, 0.5f).Constraint("T", Float3).Infer(SameShapes).Evaluate(DropoutKernels.Dropout);
        s.Define("Dropout", 6).Input("data", "T").Output("output", "T").OptionalOutput("mask", "T")
            .Attr("is_test", AttributeKind.Int, 0L).Attr("ratio", AttributeKind.Float, 0.5f)
            .Constraint("T", Float3).Infer(SameShapes).Evaluate(DropoutKernels.Dropout);
        s.Define("Dropout", 7).Input("data", "T").Output("output", "T").OptionalOutput("mask", "T")
            .Attr("ratio", AttributeKind.Float, 0.5f).Constraint("T", Float3).Infer(SameShapes).Evaluate(DropoutKernels.Dropout);
        s.Define("Dropout", 10).Input("data", "T").Output("output", "T").OptionalOutput("mask", "T1")
            .Attr("ratio", AttributeKind.Float, 0.5f).Constraint("T", Float3).Constraint("T1", Bool).Infer(BoolMask).Evaluate(DropoutKernels.Dropout);
        Dropout(s, 12, Float3, Float3);
        Dropout(s, 13, Float, Float3);
        Dropout(s, 22, FloatAndFloat8, FloatAndFloat8);
    }

    private static void Dropout(OperatorSetBuilder s, int version, string[] types, string[] ratioTypes) =>
        s.Define("Dropout", version).Input("data", "T").OptionalInput("ratio", "T1").OptionalInput("training_mode", "T2")
            .Output("output", "T").OptionalOutput("mask", "T2").Attr("seed", AttributeKind.Int)
            .Constraint("T", types).Constraint("T1", ratioTypes).Constraint("T2", Bool).Infer(Inputs).Evaluate(DropoutKernels.Dropout);

    /// <summary>Output and mask (of the data's element type) both have the data's shape.</summary>
    private static void SameShapes(InferenceContext ctx)
    {
        var type = ctx.InputType(0);
        if (type is null)
        {
            return;
        }
        ctx.SetOutput(0, type);
        if (ctx.OutputCount > 1)
        {
            ctx.SetOutput(1, type);
        }
    }

    private static void BoolMask(InferenceContext ctx)
    {
        var shape = ctx.InputShape(0);
        ctx.SetOutputShape(0, shape);
        MathInference.SetIfPresent(ctx, 1, ElementType.Bool, shape);
    }

    private static void Inputs(InferenceContext ctx)
    {
        var ratio = ctx.InputShape(1);
        if (ctx.HasInput(1) && ratio.IsRanked && ratio.Rank != 0)
        {
            ctx.Fail($"Dropout ratio must be a scalar, got shape {ratio}");
        }
        var mode = ctx.InputShape(2);
        if (ctx.HasInput(2) && mode.IsRanked && mode.Rank != 0)
        {
            ctx.Fail($"Dropout training_mode must be a scalar, got shape {mode}");
        }
        BoolMask(ctx);
    }
}
