using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators;

namespace Halo.Passes.Folding;

/// <summary>
/// Unrolls an ONNX Scan (opset 9 and later) whose scanned axis has a static length of at most
/// <see cref="LoopUnroller.MaxIterations"/>: iteration t takes element t (from the end for a reverse direction) of
/// each scan input with Gather, threads the states through one inlined copy of the body, and each scan output stacks
/// the iterations' values with Unsqueeze and Concat on its axis (in reverse order for a reverse direction).
/// </summary>
/// <param name="inliner">Copies one iteration of the body.</param>
/// <param name="registry">The operator schemas (for the slicing and stacking operations).</param>
internal sealed class ScanUnroller(SubgraphInliner inliner, OperatorRegistry registry)
{
    /// <summary>The values that replace the Scan's outputs, or default when <paramref name="op"/> is no Scan that can be unrolled.</summary>
    /// <param name="op">The operation with its current operands.</param>
    /// <param name="originalOp">The operation in <paramref name="originalGraph"/> (its captures are named there).</param>
    /// <param name="originalGraph">The graph that holds <paramref name="originalOp"/>.</param>
    public ImmutableArray<ValueRef> TryUnroll(GreenOp op, GreenOp originalOp, Graph originalGraph)
    {
        if (op.Operator.Domain.Length != 0 || op.Operator.Name != "Scan" || op.Operator.SinceVersion < 9
            || !op.Attributes.TryGetValue("body", out var value) || value.Subgraphs is not [var body]
            || SubgraphInliner.CapturedValues(op, originalOp, originalGraph) is not { } outer)
        {
            return default;
        }
        int scanInputs = (int)op.Attributes.GetInt("num_scan_inputs", 0);
        int states = op.Inputs.Length - scanInputs;
        int scanOutputs = op.OutputTypes.Length - states;
        if (scanInputs <= 0 || states < 0 || scanOutputs < 0 || body.Outputs.Length != states + scanOutputs)
        {
            return default;
        }
        var inputAxes = new long[scanInputs];
        long length = -1;
        for (int j = 0; j < scanInputs; j++)
        {
            if (op.Inputs[states + j].Type is not TensorType { Shape.IsStatic: true } t)
            {
                return default;
            }
            inputAxes[j] = Attribute(op, "scan_input_axes", j, 0);
            inputAxes[j] = inputAxes[j] < 0 ? inputAxes[j] + t.Shape.Rank : inputAxes[j];
            long n = t.Shape.ToSizes()[inputAxes[j]];
            if ((length >= 0 && n != length) || n > LoopUnroller.MaxIterations)
            {
                return default;
            }
            length = n;
        }
        if (length <= 0 || !registry.TryResolve(null, "Gather", 13, out var gather))
        {
            return default;
        }
        var carried = op.Inputs.Take(states).ToList();
        var produced = Enumerable.Range(0, scanOutputs).Select(_ => new List<ValueRef>()).ToArray();
        for (long t = 0; t < length; t++)
        {
            var slices = new List<ValueRef>(scanInputs);
            for (int j = 0; j < scanInputs; j++)
            {
                long index = Attribute(op, "scan_input_directions", j, 0) != 0 ? length - 1 - t : t;
                var axis = AttributeMap.Create(new Dictionary<string, AttributeValue> { ["axis"] = AttributeValue.FromInt(inputAxes[j]) });
                var position = new GreenConstant(TensorData.FromInt64s([index])).Output(0);
                if (LoopUnroller.Create(inliner, gather, [op.Inputs[states + j], position], axis, originalGraph) is not { } slice)
                {
                    return default;
                }
                slices.Add(slice);
            }
            var outputs = inliner.Inline(body, [.. carried, .. slices], outer);
            if (outputs.IsDefault)
            {
                return default;
            }
            carried = [.. outputs.Take(states)];
            for (int k = 0; k < scanOutputs; k++)
            {
                produced[k].Add(outputs[states + k]);
            }
        }
        var results = new List<ValueRef>(carried);
        for (int k = 0; k < scanOutputs; k++)
        {
            var values = Attribute(op, "scan_output_directions", k, 0) != 0 ? Enumerable.Reverse(produced[k]).ToList() : produced[k];
            int rank = values[0].Type is TensorType { Shape.IsRanked: true } e ? e.Shape.Rank + 1 : -1;
            long axis = Attribute(op, "scan_output_axes", k, 0);
            if (rank < 0 || new LoopUnroller(inliner, registry).Stack(values, axis < 0 ? axis + rank : axis, originalGraph) is not { } stacked)
            {
                return default;
            }
            results.Add(stacked);
        }
        return [.. results];
    }

    private static long Attribute(GreenOp op, string name, int index, long defaultValue) =>
        op.Attributes.GetInts(name) is { } values && index < values.Length ? values[index] : defaultValue;
}
