using System.Collections.Immutable;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;

namespace Halo.Frontends.TensorFlow.Operators;

/// <summary>
/// Conv2D and DepthwiseConv2dNative as ONNX Conv. TensorFlow filters are [kh, kw, in, out] (depthwise:
/// [kh, kw, C, multiplier]) and become [out, in/group, kh, kw] through a Transpose (a Reshape first for depthwise);
/// channels-last data is transposed to NCHW around the Conv. SAME padding puts the odd pixel at the end, which is
/// ONNX's SAME_UPPER.
/// </summary>
internal static class ConvConverters
{
    private const int Rank = 4;

    public static void Register(Dictionary<string, TensorFlowOpConverter> table)
    {
        table["Conv2D"] = node => Convert(node, depthwise: false);
        table["DepthwiseConv2dNative"] = node => Convert(node, depthwise: true);
    }

    private static ImmutableArray<ValueRef>? Convert(TensorFlowNodeContext node, bool depthwise)
    {
        bool? channelsLast = LayoutHelpers.IsChannelsLast(node);
        var strides = node.Ints("strides");
        var dilations = node.Ints("dilations", [1, 1, 1, 1]);
        if (!node.ExpectInputs(2) || channelsLast is null || strides is null || dilations is null)
        {
            return null;
        }
        var attributes = PaddingAttributes(node, channelsLast.Value);
        long[]? spatialStrides = LayoutHelpers.Spatial(strides.Value, Rank, channelsLast.Value);
        long[]? spatialDilations = LayoutHelpers.Spatial(dilations.Value, Rank, channelsLast.Value);
        if (spatialStrides is null || spatialDilations is null)
        {
            node.ReportAttribute(spatialStrides is null ? "strides" : "dilations", "it must have 4 entries");
            return null;
        }
        if (attributes is null || Filter(node, depthwise) is not { } filter)
        {
            return null;
        }
        attributes = attributes.SetItem("strides", AttributeValue.FromInts([.. spatialStrides]))
            .SetItem("dilations", AttributeValue.FromInts([.. spatialDilations]));
        var input = channelsLast.Value ? LayoutHelpers.ToChannelsFirst(node, node.Inputs[0], Rank) : node.Inputs[0];
        if (Group(node, depthwise, channelsLast.Value) is { } group)
        {
            attributes = attributes.SetItem("group", AttributeValue.FromInt(group));
        }
        var output = node.Emit("Conv", [input, filter], attributes);
        return [channelsLast.Value ? LayoutHelpers.ToChannelsLast(node, output, Rank) : output];
    }

    /// <summary>The ONNX weight: [out, in/group, kh, kw].</summary>
    private static ValueRef? Filter(TensorFlowNodeContext node, bool depthwise)
    {
        var filter = node.Inputs[1];
        if (depthwise)
        {
            if (node.InputType(1).Shape is not { IsRanked: true, Rank: Rank } shape || !shape[0].IsStatic || !shape[1].IsStatic)
            {
                node.Report(TensorFlowDiagnostics.UnsupportedOperand, 1, node.Description, node.InputType(1),
                    "a depthwise filter must be 4-D with static kernel sizes");
                return null;
            }
            filter = node.Emit("Reshape", [filter, TensorFlowNodeContext.Int64s(shape[0].Value, shape[1].Value, 1, -1)]);
        }
        return LayoutHelpers.Transpose(node, filter, [3, 2, 0, 1]);
    }

    /// <summary>The group count: the input channels for depthwise convolutions, input channels over filter input
    /// channels for grouped Conv2D (when both are static), else none (ONNX's default 1).</summary>
    private static long? Group(TensorFlowNodeContext node, bool depthwise, bool channelsLast)
    {
        var inputShape = node.InputType(0).Shape;
        var filterShape = node.InputType(1).Shape;
        if (!inputShape.IsRanked || inputShape.Rank != Rank)
        {
            return null;
        }
        var channels = inputShape[channelsLast ? Rank - 1 : 1];
        if (depthwise)
        {
            return channels.IsStatic ? channels.Value : null;
        }
        if (channels.IsStatic && filterShape is { IsRanked: true, Rank: Rank } && filterShape[2].IsStatic
            && filterShape[2].Value > 0 && channels.Value != filterShape[2].Value && channels.Value % filterShape[2].Value == 0)
        {
            return channels.Value / filterShape[2].Value;
        }
        return null;
    }

    /// <summary>ONNX padding attributes for <c>padding</c> (SAME, VALID, or EXPLICIT with
    /// <c>explicit_paddings</c>); shared with the pools.</summary>
    public static AttributeMap? PaddingAttributes(TensorFlowNodeContext node, bool channelsLast)
    {
        string? padding = node.String("padding");
        switch (padding)
        {
            case null:
                return null;
            case "SAME":
                return AttributeMap.Empty.SetItem("auto_pad", AttributeValue.FromString("SAME_UPPER"));
            case "VALID":
                return AttributeMap.Empty.SetItem("auto_pad", AttributeValue.FromString("VALID"));
            case "EXPLICIT":
                var explicitPads = node.Ints("explicit_paddings");
                if (explicitPads is not { Length: 2 * Rank } pads)
                {
                    node.ReportAttribute("explicit_paddings", "EXPLICIT padding needs 8 entries (before and after for each axis)");
                    return null;
                }
                int first = channelsLast ? 1 : 2;
                long[] onnxPads = [pads[2 * first], pads[2 * first + 2], pads[2 * first + 1], pads[2 * first + 3]];
                return AttributeMap.Empty.SetItem("pads", AttributeValue.FromInts([.. onnxPads]));
            default:
                node.ReportAttribute("padding", $"'{padding}' is not supported; use SAME, VALID or EXPLICIT");
                return null;
        }
    }
}
