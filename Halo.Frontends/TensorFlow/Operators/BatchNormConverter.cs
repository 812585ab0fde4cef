using System.Collections.Immutable;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;

namespace Halo.Frontends.TensorFlow.Operators;

/// <summary>FusedBatchNorm, V2 and V3 at inference (<c>is_training</c> false) as ONNX BatchNormalization, with
/// transposes around it for channels-last data. Only output 0 (y) exists after import; the batch statistics
/// outputs are for training.</summary>
internal static class BatchNormConverter
{
    public static void Register(Dictionary<string, TensorFlowOpConverter> table)
    {
        foreach (string op in new[] { "FusedBatchNorm", "FusedBatchNormV2", "FusedBatchNormV3" })
        {
            table[op] = Convert;
        }
    }

    private static ImmutableArray<ValueRef>? Convert(TensorFlowNodeContext node)
    {
        bool? channelsLast = LayoutHelpers.IsChannelsLast(node);
        float? epsilon = node.Float("epsilon", 1e-4f);
        bool? training = node.Bool("is_training", true);
        if (!node.ExpectInputs(5) || channelsLast is null || epsilon is null || training is null)
        {
            return null;
        }
        if (training.Value)
        {
            node.ReportAttribute("is_training", "only inference (is_training = false) is supported; freeze the graph for inference");
            return null;
        }
        int? rank = channelsLast.Value ? node.RequireRank(0, "to move its channels first") : 0;
        if (rank is null)
        {
            return null;
        }
        if (channelsLast.Value && rank < 2)
        {
            node.Report(TensorFlowDiagnostics.UnsupportedOperand, 0, node.Description, node.InputType(0), "batch normalization needs rank 2 or more");
            return null;
        }
        var x = channelsLast.Value ? LayoutHelpers.ToChannelsFirst(node, node.Inputs[0], rank.Value) : node.Inputs[0];
        var attributes = AttributeMap.Empty.SetItem("epsilon", AttributeValue.FromFloat(epsilon.Value));
        var y = node.Emit("BatchNormalization", [x, node.Inputs[1], node.Inputs[2], node.Inputs[3], node.Inputs[4]], attributes);
        return [channelsLast.Value ? LayoutHelpers.ToChannelsLast(node, y, rank.Value) : y];
    }
}
