using System.Collections.Immutable;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;

namespace Halo.Frontends.TensorFlow.Operators;

/// <summary>MaxPool and AvgPool (2-D) as ONNX MaxPool and AveragePool. TensorFlow's SAME average ignores the padded
/// cells, which is ONNX's count_include_pad = 0.</summary>
internal static class PoolConverters
{
    private const int Rank = 4;

    public static void Register(Dictionary<string, TensorFlowOpConverter> table)
    {
        table["MaxPool"] = node => Convert(node, "MaxPool");
        table["AvgPool"] = node => Convert(node, "AveragePool");
    }

    private static ImmutableArray<ValueRef>? Convert(TensorFlowNodeContext node, string onnxOp)
    {
        bool? channelsLast = LayoutHelpers.IsChannelsLast(node);
        var ksize = node.Ints("ksize");
        var strides = node.Ints("strides");
        if (!node.ExpectInputs(1) || channelsLast is null || ksize is null || strides is null)
        {
            return null;
        }
        long[]? kernel = LayoutHelpers.Spatial(ksize.Value, Rank, channelsLast.Value);
        long[]? spatialStrides = LayoutHelpers.Spatial(strides.Value, Rank, channelsLast.Value);
        if (kernel is null || spatialStrides is null)
        {
            node.ReportAttribute(kernel is null ? "ksize" : "strides", "it must have 4 entries");
            return null;
        }
        if (ConvConverters.PaddingAttributes(node, channelsLast.Value) is not { } attributes)
        {
            return null;
        }
        attributes = attributes.SetItem("kernel_shape", AttributeValue.FromInts([.. kernel]))
            .SetItem("strides", AttributeValue.FromInts([.. spatialStrides]));
        var input = channelsLast.Value ? LayoutHelpers.ToChannelsFirst(node, node.Inputs[0], Rank) : node.Inputs[0];
        var output = node.Emit(onnxOp, [input], attributes);
        return [channelsLast.Value ? LayoutHelpers.ToChannelsLast(node, output, Rank) : output];
    }
}
