using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.Tensor.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Tensor;

/// <summary>If, Loop and SequenceMap: result types come from the subgraph outputs.</summary>
internal static class ControlFlowOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        foreach (var (versions, values) in ValueSets())
        {
            s.Define("If", versions).Evaluate(ControlFlowKernels.If).Input("cond", "B").VariadicOutput("outputs", "V", 1, homogeneous: false)
                .RequiredAttr("then_branch", AttributeKind.Graph).RequiredAttr("else_branch", AttributeKind.Graph)
                .Constraint("V", values).Constraint("B", Bool).Infer(InferIf);
            s.Define("Loop", versions).Evaluate(ControlFlowKernels.Loop).OptionalInput("M", "I").OptionalInput("cond", "B")
                .VariadicInput("v_initial", "V", 0, homogeneous: false)
                .VariadicOutput("v_final_and_scan_outputs", "V", 1, homogeneous: false)
                .RequiredAttr("body", AttributeKind.Graph).Constraint("V", values).Constraint("I", TypeSets.Int64).Constraint("B", Bool)
                .Infer(InferLoop);
        }
        s.Define("SequenceMap", 17).Evaluate(ControlFlowKernels.SequenceMap).Input("input_sequence", "S").VariadicInput("additional_inputs", "V", 0, homogeneous: false)
            .VariadicOutput("out_sequence", "S", 1, homogeneous: false).RequiredAttr("body", AttributeKind.Graph)
            .Constraint("S", Sequences).Constraint("V", [.. Sequences, .. All]).Infer(InferSequenceMap);
    }

    /// <summary>The value types allowed by each group of If and Loop versions.</summary>
    internal static IEnumerable<(int[] Versions, string[] Values)> ValueSets() =>
    [
        ([1, 11], All),
        ([13], TensorTypeSets.TensorsAndSequences),
        ([16, 19, 21, 23], TensorTypeSets.AnyValue),
    ];

    /// <summary>The subgraph attribute <paramref name="name"/>; reports it when missing. First resets every result to
    /// unknown: the default binding of heterogeneous variadic results to the first operand's type is not meaningful.</summary>
    internal static Graph? Body(InferenceContext ctx, string name)
    {
        for (int i = 0; i < ctx.OutputCount; i++)
        {
            ctx.SetOutput(i, IrType.Unknown);
        }
        var g = ctx.GetGraph(name);
        if (g is null)
        {
            ctx.Fail($"the '{name}' subgraph is missing");
        }
        return g;
    }

    private static void InferIf(InferenceContext ctx)
    {
        if (ctx.InputShape(0) is { IsRanked: true } c && ctx.InputShape(0).ElementCount is not (null or 1))
        {
            ctx.Fail($"cond must hold a single element, got {c}");
            return;
        }
        if (Body(ctx, "then_branch") is not { } then || Body(ctx, "else_branch") is not { } otherwise)
        {
            return;
        }
        if (then.Outputs.Length != otherwise.Outputs.Length || then.Outputs.Length != ctx.OutputCount)
        {
            ctx.Fail($"the branches have {then.Outputs.Length} and {otherwise.Outputs.Length} outputs, the node {ctx.OutputCount}");
            return;
        }
        for (int i = 0; i < ctx.OutputCount; i++)
        {
            IrType a = then.Outputs[i].Type;
            IrType b = otherwise.Outputs[i].Type;
            if (a is TensorType x && b is TensorType y && !TypeMerge.Compatible(x.ElementType, y.ElementType))
            {
                ctx.Fail($"output {i} is {x} in then_branch but {y} in else_branch");
                return;
            }
            ctx.SetOutput(i, TypeMerge.Union(a, b));
        }
    }

    private static void InferLoop(InferenceContext ctx)
    {
        if (Body(ctx, "body") is not { } body)
        {
            return;
        }
        int carried = System.Math.Max(0, ctx.InputCount - 2);
        int scans = body.Outputs.Length - 1 - carried;
        if (scans < 0 || ctx.OutputCount > carried + scans)
        {
            ctx.Fail($"the body has {body.Outputs.Length} outputs for {carried} loop-carried values and {ctx.OutputCount} node outputs");
            return;
        }
        for (int i = 0; i < ctx.OutputCount; i++)
        {
            IrType t = body.Outputs[1 + i].Type;
            if (i < carried)
            {
                ctx.SetOutput(i, CarriedType(ctx.InputType(2 + i), t));
            }
            else
            {
                ctx.SetOutput(i, Stacked(t, Dimension.Unknown, 0));
            }
        }
    }

    /// <summary>The type of a loop-carried value: the union of its initial and body types; the body type alone when
    /// the kinds differ (an optional initial value for a sequence body value, from opset 16).</summary>
    internal static IrType CarriedType(IrType? initial, IrType body)
    {
        if (initial is null)
        {
            return body;
        }
        var union = TypeMerge.Union(initial, body);
        return union.Equals(IrType.Unknown) ? body : union;
    }

    /// <summary>The type of a scan output made of per-iteration values of type <paramref name="t"/>, stacked along
    /// <paramref name="axis"/> (already normalized) with <paramref name="count"/> entries.</summary>
    internal static IrType Stacked(IrType t, Dimension count, int axis)
    {
        if (t is not TensorType tensor)
        {
            return IrType.Unknown;
        }
        if (!tensor.Shape.IsRanked)
        {
            return tensor;
        }
        var dims = tensor.Shape.Dimensions.ToList();
        dims.Insert(System.Math.Clamp(axis, 0, dims.Count), count);
        return new TensorType(tensor.ElementType, ShapeMath.ToShape(dims));
    }

    private static void InferSequenceMap(InferenceContext ctx)
    {
        if (Body(ctx, "body") is not { } body)
        {
            return;
        }
        if (body.Outputs.Length != ctx.OutputCount)
        {
            ctx.Fail($"the body has {body.Outputs.Length} outputs, the node {ctx.OutputCount}");
            return;
        }
        for (int i = 0; i < ctx.OutputCount; i++)
        {
            ctx.SetOutput(i, new SequenceType(body.Outputs[i].Type));
        }
    }
}
