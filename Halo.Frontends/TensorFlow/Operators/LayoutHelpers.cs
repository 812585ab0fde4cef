using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;

namespace Halo.Frontends.TensorFlow.Operators;

/// <summary>Transposes between TensorFlow's channels-last (NHWC) layout and ONNX's channels-first (NCHW) one,
/// and reads <c>data_format</c>.</summary>
internal static class LayoutHelpers
{
    /// <summary>Whether the node's <c>data_format</c> is channels-last (NHWC, NWC, NDHWC; the default), false
    /// for channels-first (NCHW...), null after a diagnostic.</summary>
    public static bool? IsChannelsLast(TensorFlowNodeContext node)
    {
        string? format = node.String("data_format", "NHWC");
        if (format is null)
        {
            return null;
        }
        if (format.Length >= 3 && format[0] == 'N' && format[^1] == 'C')
        {
            return true;
        }
        if (format.Length >= 3 && format[0] == 'N' && format[1] == 'C')
        {
            return false;
        }
        node.ReportAttribute("data_format", $"'{format}' is not supported; use NHWC or NCHW");
        return null;
    }

    /// <summary>[N, spatial..., C] to [N, C, spatial...].</summary>
    public static ValueRef ToChannelsFirst(TensorFlowNodeContext node, ValueRef value, int rank) =>
        Transpose(node, value, [0, rank - 1, .. Enumerable.Range(1, rank - 2).Select(i => (long)i)]);

    /// <summary>[N, C, spatial...] to [N, spatial..., C].</summary>
    public static ValueRef ToChannelsLast(TensorFlowNodeContext node, ValueRef value, int rank) =>
        Transpose(node, value, [0, .. Enumerable.Range(2, rank - 2).Select(i => (long)i), 1]);

    public static ValueRef Transpose(TensorFlowNodeContext node, ValueRef value, long[] perm) =>
        node.Emit("Transpose", [value], AttributeMap.Empty.SetItem("perm", AttributeValue.FromInts([.. perm])));

    /// <summary>The spatial entries of a per-axis list (strides, dilations, ksize) given in the data format's axis
    /// order, or null when the list does not have one entry per axis.</summary>
    public static long[]? Spatial(IReadOnlyList<long> perAxis, int rank, bool channelsLast) =>
        perAxis.Count != rank ? null
        : channelsLast ? [.. perAxis.Skip(1).Take(rank - 2)]
        : [.. perAxis.Skip(2)];
}
