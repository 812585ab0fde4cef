using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork;

/// <summary>The ai.onnx.preview.training operators: Adagrad, Adam, Momentum and Gradient.</summary>
internal static class TrainingOperators
{
    private static readonly string[] s_floatDouble = ["tensor(float)", "tensor(double)"];

    public static void Register(OperatorSetBuilder s)
    {
        string d = OnnxOperatorSet.TrainingDomain;
        Optimizer(s.Define(d, "Adagrad", 1), inputGroups: 3, outputGroups: 2).Evaluate(TrainingKernels.Adagrad)
            .Attr("decay_factor", AttributeKind.Float, 0.0f).Attr("epsilon", AttributeKind.Float, 0.0f)
            .Attr("norm_coefficient", AttributeKind.Float, 0.0f);
        Optimizer(s.Define(d, "Adam", 1), inputGroups: 4, outputGroups: 3).Evaluate(TrainingKernels.Adam)
            .Attr("alpha", AttributeKind.Float, 0.9f).Attr("beta", AttributeKind.Float, 0.999f)
            .Attr("epsilon", AttributeKind.Float, 0.0f).Attr("norm_coefficient", AttributeKind.Float, 0.0f)
            .Attr("norm_coefficient_post", AttributeKind.Float, 0.0f);
        Optimizer(s.Define(d, "Momentum", 1), inputGroups: 3, outputGroups: 2).Evaluate(TrainingKernels.Momentum)
            .RequiredAttr("alpha", AttributeKind.Float).RequiredAttr("beta", AttributeKind.Float)
            .RequiredAttr("mode", AttributeKind.String).RequiredAttr("norm_coefficient", AttributeKind.Float);
        s.Define(d, "Gradient", 1).VariadicInput("Inputs", "T1", 1, homogeneous: false)
            .VariadicOutput("Outputs", "T2", 1, homogeneous: false).RequiredAttr("xs", AttributeKind.Strings)
            .RequiredAttr("y", AttributeKind.String).Attr("zs", AttributeKind.Strings)
            .Constraint("T1", TypeSets.All).Constraint("T2", "tensor(float16)", "tensor(float)", "tensor(double)")
            .Infer(InferGradient);
    }

    /// <summary>R, T, then <paramref name="inputGroups"/> groups of n tensors (X, G, state...); the outputs are
    /// <paramref name="outputGroups"/> groups: new X, then the new states.</summary>
    private static OperatorSchemaBuilder Optimizer(OperatorSchemaBuilder b, int inputGroups, int outputGroups) => b
        .Input("R", "T1").Input("T", "T2").VariadicInput("inputs", "T3", 1, homogeneous: false)
        .VariadicOutput("outputs", "T3", 1, homogeneous: false).Constraint("T1", s_floatDouble)
        .Constraint("T2", TypeSets.Int64).Constraint("T3", s_floatDouble)
        .Infer(ctx => InferOptimizer(ctx, inputGroups, outputGroups));

    private static void InferOptimizer(InferenceContext ctx, int inputGroups, int outputGroups)
    {
        int tensors = ctx.InputCount - 2;
        var r = ctx.InputShape(0);
        var t = ctx.InputShape(1);
        if ((r.IsRanked && r.Rank > 1) || (t.IsRanked && t.Rank > 1))
        {
            ctx.Fail($"R {r} and T {t} must be scalars");
            return;
        }
        if (tensors < inputGroups || tensors % inputGroups != 0)
        {
            ctx.Fail($"{tensors} optimized inputs are not {inputGroups} groups of equal size");
            return;
        }
        int n = tensors / inputGroups;
        if (ctx.OutputCount > n * outputGroups)
        {
            ctx.Fail($"{ctx.OutputCount} outputs exceed the {n * outputGroups} this optimizer produces");
            return;
        }
        for (int o = 0; o < ctx.OutputCount; o++)
        {
            // Output group 0 is the new X; output group g > 0 is the new state of input group g + 1.
            int group = o / n;
            int source = 2 + ((group == 0 ? 0 : group + 1) * n) + (o % n);
            if (ctx.InputType(source) is TensorType type)
            {
                ctx.SetOutput(o, type);
            }
        }
    }

    /// <summary>The i-th gradient has the type of the i-th differentiated input (xs come first).</summary>
    private static void InferGradient(InferenceContext ctx)
    {
        int xs = ctx.Attr("xs") is { Kind: AttributeKind.Strings } v ? v.AsStrings().Length : ctx.OutputCount;
        if (ctx.OutputCount != xs || xs > ctx.InputCount)
        {
            ctx.Fail($"{ctx.OutputCount} gradients for {xs} xs names and {ctx.InputCount} inputs");
            return;
        }
        for (int o = 0; o < ctx.OutputCount; o++)
        {
            if (ctx.InputType(o) is TensorType type)
            {
                ctx.SetOutput(o, type);
            }
        }
    }
}
