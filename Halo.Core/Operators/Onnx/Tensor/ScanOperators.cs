using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.Tensor.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Tensor;

/// <summary>Scan: version 8 (batch axis 0 and a sequence_lens operand) and versions 9 and later (scan axes).</summary>
internal static class ScanOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        s.Define("Scan", 8).Evaluate(ScanKernels.Scan).OptionalInput("sequence_lens", "I")
            .VariadicInput("initial_state_and_scan_inputs", "V", 1, homogeneous: false)
            .VariadicOutput("final_state_and_scan_outputs", "V", 1, homogeneous: false)
            .RequiredAttr("body", AttributeKind.Graph).RequiredAttr("num_scan_inputs", AttributeKind.Int)
            .Attr("directions", AttributeKind.Ints).Constraint("I", TypeSets.Int64).Constraint("V", All).Infer(InferScan);
        s.Define("Scan", 9, 11, 16, 19, 21, 23).Evaluate(ScanKernels.Scan).VariadicInput("initial_state_and_scan_inputs", "V", 1, homogeneous: false)
            .VariadicOutput("final_state_and_scan_outputs", "V", 1, homogeneous: false)
            .RequiredAttr("body", AttributeKind.Graph).RequiredAttr("num_scan_inputs", AttributeKind.Int)
            .Attr("scan_input_axes", AttributeKind.Ints).Attr("scan_input_directions", AttributeKind.Ints)
            .Attr("scan_output_axes", AttributeKind.Ints).Attr("scan_output_directions", AttributeKind.Ints)
            .Constraint("V", AllIr10).Infer(InferScan);
    }

    private static void InferScan(InferenceContext ctx)
    {
        if (ControlFlowOperators.Body(ctx, "body") is not { } body)
        {
            return;
        }
        bool batched = ctx.Schema.Id.SinceVersion == 8;
        int first = batched ? 1 : 0;
        int values = ctx.InputCount - first;
        long scanInputs = ctx.GetInt("num_scan_inputs", 0);
        if (scanInputs < 1 || scanInputs > values)
        {
            ctx.Fail($"num_scan_inputs {scanInputs} must be in [1, {values}]");
            return;
        }
        int states = values - (int)scanInputs;
        int scanOutputs = body.Outputs.Length - states;
        if (scanOutputs < 0 || ctx.OutputCount > body.Outputs.Length)
        {
            ctx.Fail($"the body has {body.Outputs.Length} outputs for {states} states and {ctx.OutputCount} node outputs");
            return;
        }
        var firstScan = ctx.InputShape(first + states);
        var batch = Dimension.Unknown;
        Dimension length;
        if (batched)
        {
            batch = firstScan.IsRanked && firstScan.Rank >= 2 ? firstScan[0] : Dimension.Unknown;
            length = firstScan.IsRanked && firstScan.Rank >= 2 ? firstScan[1] : Dimension.Unknown;
        }
        else
        {
            long axis = ctx.GetInts("scan_input_axes") is { Length: > 0 } axes ? axes[0] : 0;
            length = firstScan.IsRanked && ShapeHelpers.TryNormalizeAxis(axis, firstScan.Rank, out int a) ? firstScan[a] : Dimension.Unknown;
        }
        var outputAxes = ctx.GetInts("scan_output_axes");
        for (int i = 0; i < ctx.OutputCount; i++)
        {
            IrType t = body.Outputs[i].Type;
            if (i < states)
            {
                var initial = ctx.InputType(first + i);
                ctx.SetOutput(i, ControlFlowOperators.CarriedType(initial, batched ? Stacked(t, batch, 0) : t));
                continue;
            }
            int j = i - states;
            if (batched)
            {
                ctx.SetOutput(i, Stacked(Stacked(t, length, 0), batch, 0));
                continue;
            }
            long axis = outputAxes is { } oa && j < oa.Length ? oa[j] : 0;
            int rank = t is TensorType { Shape.IsRanked: true } tt ? tt.Shape.Rank + 1 : 1;
            if (!ShapeMath.TryAxis(ctx, axis, rank, out int normalized))
            {
                return;
            }
            ctx.SetOutput(i, Stacked(t, length, normalized));
        }
    }

    private static IrType Stacked(IrType t, Dimension count, int axis) => ControlFlowOperators.Stacked(t, count, axis);
}
