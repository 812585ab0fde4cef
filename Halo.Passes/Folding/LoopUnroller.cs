using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators;

namespace Halo.Passes.Folding;

/// <summary>
/// Unrolls an ONNX Loop whose trip count and initial condition are constants and whose body's condition output
/// settles to a constant in every iteration: one inlined copy of the body per iteration, the loop-carried values
/// threaded through, each scan output stacked with Unsqueeze and Concat. Loops of more than
/// <see cref="MaxIterations"/> iterations stay as they are.
/// </summary>
/// <param name="inliner">Copies one iteration of the body.</param>
/// <param name="registry">The operator schemas (for the stacking operations).</param>
internal sealed class LoopUnroller(SubgraphInliner inliner, OperatorRegistry registry)
{
    /// <summary>Longer loops would bloat the graph more than running them costs.</summary>
    public const int MaxIterations = 64;

    /// <summary>The values that replace the Loop's outputs, or default when <paramref name="op"/> is no Loop that can be unrolled.</summary>
    /// <param name="op">The operation with its current operands.</param>
    /// <param name="originalOp">The operation in <paramref name="originalGraph"/> (its captures are named there).</param>
    /// <param name="originalGraph">The graph that holds <paramref name="originalOp"/>.</param>
    public ImmutableArray<ValueRef> TryUnroll(GreenOp op, GreenOp originalOp, Graph originalGraph)
    {
        if (op.Operator.Domain.Length != 0 || op.Operator.Name != "Loop" || op.Inputs.Length < 2
            || !op.Attributes.TryGetValue("body", out var value) || value.Subgraphs is not [var body]
            || SubgraphInliner.CapturedValues(op, originalOp, originalGraph) is not { } outer)
        {
            return default;
        }
        long? tripCount = op.Inputs[0].IsNone ? null : IfInliner.ConstantScalar(op.Inputs[0]);
        long? condition = op.Inputs[1].IsNone ? 1 : IfInliner.ConstantScalar(op.Inputs[1]);
        int carriedCount = op.Inputs.Length - 2;
        int scanCount = body.Outputs.Length - 1 - carriedCount;
        if ((!op.Inputs[0].IsNone && tripCount is null) || condition is null || scanCount < 0 || op.OutputTypes.Length != carriedCount + scanCount)
        {
            return default;
        }
        var carried = op.Inputs.Skip(2).ToList();
        var scans = Enumerable.Range(0, scanCount).Select(_ => new List<ValueRef>()).ToArray();
        var running = new GreenConstant(TensorData.Create<bool>(ElementType.Bool, [true])).Output(0);
        for (long i = 0; condition != 0 && (tripCount is null || i < tripCount); i++)
        {
            if (i >= MaxIterations)
            {
                return default;
            }
            var iteration = new GreenConstant(TensorData.FromInt64s([i])).Output(0);
            var outputs = inliner.Inline(body, [iteration, running, .. carried], outer);
            if (outputs.IsDefault || IfInliner.ConstantScalar(outputs[0]) is not long next)
            {
                return default;
            }
            condition = next;
            carried = [.. outputs.Skip(1).Take(carriedCount)];
            for (int k = 0; k < scanCount; k++)
            {
                scans[k].Add(outputs[1 + carriedCount + k]);
            }
        }
        if (scanCount > 0 && scans[0].Count == 0)
        {
            // ONNX: zero iterations give empty scan outputs whose element shape the body alone knows.
            return default;
        }
        var stacked = new List<ValueRef>(scanCount);
        foreach (var values in scans)
        {
            if (Stack(values, 0, originalGraph) is not { } result)
            {
                return default;
            }
            stacked.Add(result);
        }
        return [.. carried, .. stacked];
    }

    /// <summary>Concat(Unsqueeze(v, [axis]) for each v, axis), settled by the folder; null when the schemas reject them.</summary>
    public ValueRef? Stack(List<ValueRef> values, long axis, Graph graph)
    {
        if (!registry.TryResolve(null, "Unsqueeze", 13, out var unsqueeze) || !registry.TryResolve(null, "Concat", 13, out var concat))
        {
            return null;
        }
        var axes = new GreenConstant(TensorData.FromInt64s([axis], 1)).Output(0);
        var rows = ImmutableArray.CreateBuilder<ValueRef>(values.Count);
        foreach (var v in values)
        {
            if (Create(inliner, unsqueeze, [v, axes], AttributeMap.Empty, graph) is not { } row)
            {
                return null;
            }
            rows.Add(row);
        }
        var attributes = AttributeMap.Create(new Dictionary<string, AttributeValue> { ["axis"] = AttributeValue.FromInt(axis) });
        return Create(inliner, concat, rows.MoveToImmutable(), attributes, graph);
    }

    /// <summary>A new single-result operation, inferred and settled by the folder; null when inference rejects it.</summary>
    public static ValueRef? Create(SubgraphInliner inliner, OperatorSchema schema, ImmutableArray<ValueRef> inputs, AttributeMap attributes, Graph graph)
    {
        var created = OperatorRegistry.CreateOp(schema, inputs, attributes, 1, out var errors);
        if (!errors.IsEmpty)
        {
            return null;
        }
        var settled = inliner.Folder.Settle(created, created, graph);
        return settled.IsDefault ? created.Output(0) : settled[0];
    }
}
