using System.Collections.Immutable;
using Halo.Core.IR.Green;

namespace Halo.Frontends.TensorFlow.Operators;

/// <summary>BiasAdd (and the older BiasAddV1): Add of a 1-D bias along the channel axis, which is the last one for
/// channels-last data and axis 1 for NCHW (the bias is reshaped to [C, 1, ...] to broadcast there).</summary>
internal static class BiasAddConverter
{
    public static void Register(Dictionary<string, TensorFlowOpConverter> table)
    {
        table["BiasAdd"] = Convert;
        table["BiasAddV1"] = Convert;
    }

    private static ImmutableArray<ValueRef>? Convert(TensorFlowNodeContext node)
    {
        bool? channelsLast = node.Node.Op == "BiasAddV1" ? true : LayoutHelpers.IsChannelsLast(node);
        if (!node.ExpectInputs(2) || channelsLast is null)
        {
            return null;
        }
        if (channelsLast.Value)
        {
            return [node.Emit("Add", [node.Inputs[0], node.Inputs[1]])];
        }
        if (node.RequireRank(0, "for an NCHW BiasAdd") is not { } rank)
        {
            return null;
        }
        long[] shape = [-1, .. Enumerable.Repeat(1L, Math.Max(rank - 2, 0))];
        var bias = node.Emit("Reshape", [node.Inputs[1], TensorFlowNodeContext.Int64s(shape)]);
        return [node.Emit("Add", [node.Inputs[0], bias])];
    }
}
