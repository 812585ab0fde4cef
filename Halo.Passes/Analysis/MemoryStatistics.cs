using System.Globalization;
using System.Text;
using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;

namespace Halo.Passes.Analysis;

/// <summary>
/// HALO's <c>--print-mem-stats</c>: an estimate of the memory a graph needs, in bytes. Weights are the constants
/// (constant nodes and ONNX Constant operations). Activations are the results of the other operations: each is live
/// from the operation that produces it to its last user in topological order (graph outputs to the end), and
/// <see cref="PeakActivationBytes"/> is the largest total live at once, the memory an allocator that reuses freed
/// buffers needs. Graph inputs are counted separately. Values without a static shape count as 0 bytes and are
/// counted in <see cref="UnknownSizeValues"/>. Immutable.
/// </summary>
/// <param name="WeightBytes">Bytes of all constants.</param>
/// <param name="WeightCount">How many constants.</param>
/// <param name="InputBytes">Bytes of the graph inputs.</param>
/// <param name="OutputBytes">Bytes of the graph outputs.</param>
/// <param name="PeakActivationBytes">Most bytes of operation results live at the same time.</param>
/// <param name="PeakNode">The name (or operator) of the operation at which the peak occurs, or null when the graph has none.</param>
/// <param name="UnknownSizeValues">How many values had no static size and were counted as 0 bytes.</param>
public sealed record MemoryStatistics(long WeightBytes, int WeightCount, long InputBytes, long OutputBytes,
    long PeakActivationBytes, string? PeakNode, int UnknownSizeValues)
{
    /// <summary>Analyzes <paramref name="graph"/> (its topological order).</summary>
    public static MemoryStatistics Compute(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var order = graph.TopologicalOrder;
        int unknown = 0;
        long SizeOf(IrType type)
        {
            if (type is TensorType { Shape.ElementCount: long count } t && t.ElementType != ElementType.Undefined)
            {
                return t.ElementType.ByteCount(count);
            }
            unknown++;
            return 0;
        }
        long weights = 0, inputs = 0;
        int weightCount = 0;
        var lastUse = new Dictionary<ValueRef, int>();
        for (int i = 0; i < order.Length; i++)
        {
            foreach (var operand in order[i].Dependencies)
            {
                if (!operand.IsNone)
                {
                    lastUse[operand] = i;
                }
            }
        }
        foreach (var output in graph.Outputs)
        {
            lastUse[output] = order.Length;
        }
        // delta[i]: bytes allocated at step i minus bytes freed after step i - 1.
        var delta = new long[order.Length + 2];
        for (int i = 0; i < order.Length; i++)
        {
            var node = order[i];
            if (node is GreenConstant or GreenOp { Operator: { Name: "Constant", Domain: "" } })
            {
                weights += node.OutputTypes.Sum(SizeOf);
                weightCount++;
                continue;
            }
            if (node is GreenInput input)
            {
                inputs += SizeOf(input.Type);
                continue;
            }
            if (node is not GreenOp)
            {
                continue;
            }
            for (int o = 0; o < node.OutputTypes.Length; o++)
            {
                long size = SizeOf(node.OutputTypes[o]);
                int end = lastUse.TryGetValue(node.Output(o), out int last) ? last : i;
                delta[i] += size;
                delta[end + 1] -= size;
            }
        }
        long live = 0, peak = 0;
        int peakAt = -1;
        for (int i = 0; i < order.Length; i++)
        {
            live += delta[i];
            if (live > peak)
            {
                (peak, peakAt) = (live, i);
            }
        }
        long outputs = graph.Outputs.Sum(o => o.Type is TensorType { Shape.ElementCount: long n } t && t.ElementType != ElementType.Undefined
            ? t.ElementType.ByteCount(n) : 0);
        string? peakNode = peakAt < 0 ? null : graph.GetNode(order[peakAt]).Name ?? (order[peakAt] as GreenOp)?.Operator.Name;
        return new MemoryStatistics(weights, weightCount, inputs, outputs, peak, peakNode, unknown);
    }

    /// <summary>The HALO-style report, one line per figure, each ending in a newline:
    /// <c>Weights: 46,827,520 bytes (102 constants)</c>, <c>Inputs: ...</c>, <c>Outputs: ...</c>,
    /// <c>Peak activations: ... bytes (at node 'x')</c>, <c>Total (weights + inputs + peak activations): ...</c>.</summary>
    public string Format()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("Memory usage statistics (estimated)\n");
        sb.Append(c, $"  Weights: {WeightBytes:N0} bytes ({WeightCount} constants)\n");
        sb.Append(c, $"  Inputs: {InputBytes:N0} bytes\n");
        sb.Append(c, $"  Outputs: {OutputBytes:N0} bytes\n");
        sb.Append(c, $"  Peak activations: {PeakActivationBytes:N0} bytes");
        sb.Append(PeakNode is null ? "\n" : $" (at node '{PeakNode}')\n");
        sb.Append(c, $"  Total (weights + inputs + peak activations): {WeightBytes + InputBytes + PeakActivationBytes:N0} bytes\n");
        if (UnknownSizeValues > 0)
        {
            sb.Append(c, $"  {UnknownSizeValues} values have no static size and are not counted\n");
        }
        return sb.ToString();
    }
}
