using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators;

namespace Halo.Passes.Fusion;

/// <summary>The rewriter behind <see cref="FuseBias"/>. Not thread-safe; one rewrite at a time.</summary>
internal sealed class BiasFuser(OperatorRegistry registry, BiasFusionOptions options, long opset) : GraphRewriter
{
    protected override ImmutableArray<ValueRef> RewriteNode(Node original, GreenNode updated)
    {
        if (updated is not GreenOp { Operator: { Name: "Add", Domain: "" } } add || add.Inputs.Length != 2)
        {
            return default;
        }
        for (int side = 0; side < 2; side++)
        {
            if (add.Inputs[side].Producer is not GreenOp producer || add.Inputs[1 - side].Producer is not GreenConstant { Data: { } bias }
                || !HasSingleUse(original, side))
            {
                continue;
            }
            var fused = producer.Operator switch
            {
                { Name: "Conv", Domain: "" } when options.ConvBias => FuseConv(producer, bias),
                { Name: "MatMul", Domain: "" } when options.MatMulBias => FuseMatMul(producer, bias),
                _ => null,
            };
            // The fused result must have the Add's type: a bias that broadcasts to a larger shape is no bias.
            if (fused is not null && fused.OutputTypes[0].Equals(add.OutputTypes[0]))
            {
                return [fused.Output(0)];
            }
        }
        return default;
    }

    /// <summary>Whether the operand's producer (in the original graph) feeds only this Add and no graph output.</summary>
    private static bool HasSingleUse(Node add, int side)
    {
        var value = add.Green.Inputs[side];
        return value.Producer is GreenOp { OutputTypes.Length: 1 } producer && !add.Graph.IsOutput(value)
            && add.Graph.UsesOf(producer).Length == 1;
    }

    private GreenOp? FuseConv(GreenOp conv, TensorData bias)
    {
        if (conv.Inputs.Length > 2 && !conv.Inputs[2].IsNone
            || conv.OutputTypes[0] is not TensorType { Shape: { IsRanked: true, Rank: >= 3 } y } || !y[1].IsStatic
            || ChannelBias(bias, y[1].Value, y.Rank) is not { } channelBias || !registry.TryGetSchema(conv.Operator, out var schema))
        {
            return null;
        }
        var op = OperatorRegistry.CreateOp(schema, [conv.Inputs[0], conv.Inputs[1], new GreenConstant(channelBias).Output(0)],
            conv.Attributes, 1, out var errors);
        return errors.IsEmpty ? op : null;
    }

    private GreenOp? FuseMatMul(GreenOp matMul, TensorData bias)
    {
        if (matMul.Inputs[0].Type is not TensorType { Shape: { IsRanked: true, Rank: 2 } }
            || matMul.Inputs[1].Type is not TensorType { Shape: { IsRanked: true, Rank: 2 } b } || !b[1].IsStatic
            || !(bias.Dimensions.SequenceEqual([b[1].Value]) || bias.Dimensions.SequenceEqual([1L, b[1].Value]))
            || !registry.TryResolve(OperatorId.DefaultDomain, "Gemm", opset, out var gemm))
        {
            return null;
        }
        var op = OperatorRegistry.CreateOp(gemm, [matMul.Inputs[0], matMul.Inputs[1], new GreenConstant(bias).Output(0)],
            AttributeMap.Empty, 1, out var errors);
        return errors.IsEmpty ? op : null;
    }

    /// <summary>The bias as [C] when it adds one value per channel of a rank-<paramref name="rank"/> result with
    /// <paramref name="channels"/> channels: [.., C, 1, ..., 1] with rank - 2 trailing ones, or a single value.</summary>
    private static TensorData? ChannelBias(TensorData bias, long channels, int rank)
    {
        var dims = bias.Dimensions;
        if (dims.Length > rank || bias.ElementType is ElementType.String)
        {
            return null;
        }
        if (bias.ElementCount == 1)
        {
            int size = bias.Bytes.Length;
            var bytes = new byte[size * channels];
            for (long c = 0; c < channels; c++)
            {
                bias.Bytes.Span.CopyTo(bytes.AsSpan((int)(c * size)));
            }
            return TensorData.FromBytes(bias.ElementType, [channels], bytes);
        }
        int channelAxis = dims.Length - (rank - 1);
        bool perChannel = channelAxis >= 0 && dims[channelAxis] == channels
            && dims.Skip(channelAxis + 1).All(d => d == 1) && dims.Take(channelAxis).All(d => d == 1);
        return perChannel ? TensorData.FromBytes(bias.ElementType, [channels], bias.Bytes) : null;
    }
}
