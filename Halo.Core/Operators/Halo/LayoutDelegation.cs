using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Halo;

/// <summary>
/// Inference and reference semantics of the layout-carrying <c>ai.halo</c> operators, by delegation: a channel-last
/// operation is its ONNX namesake applied to the channel-first transpose of X, with the result transposed back.
/// One truth per operator: the ONNX schema's inference and kernel are reused, never copied.
/// </summary>
internal static class LayoutDelegation
{
    public static void Infer(InferenceContext ctx)
    {
        if (!TryReadLayout(ctx.Attr(HaloOperatorSet.DataLayoutAttribute), out bool channelLast, out string? error))
        {
            ctx.Fail(error);
            return;
        }
        var onnx = OnnxSchema(ctx.Schema.Id.Name);
        var operands = ImmutableArray.CreateBuilder<ValueRef>(ctx.InputCount);
        for (int i = 0; i < ctx.InputCount; i++)
        {
            operands.Add(Operand(ctx, i, channelLast));
        }
        var inferred = OperatorRegistry.CreateOp(onnx, operands.MoveToImmutable(),
            ctx.Attributes.Remove(HaloOperatorSet.DataLayoutAttribute), ctx.OutputCount, out var errors);
        foreach (string e in errors)
        {
            ctx.Fail(e);
        }
        if (ctx.OutputCount == 0)
        {
            return;
        }
        var y = inferred.OutputTypes[0];
        ctx.SetOutput(0, channelLast && y is TensorType t ? t.WithShape(ToChannelLast(t.Shape)) : y);
    }

    public static void Evaluate(EvaluationContext ctx)
    {
        if (!TryReadLayout(ctx.Attr(HaloOperatorSet.DataLayoutAttribute), out bool channelLast, out string? error))
        {
            ctx.Fail(error);
        }
        var onnx = OnnxSchema(ctx.Schema.Id.Name);
        var operands = ImmutableArray.CreateBuilder<RuntimeValue?>(ctx.InputCount);
        for (int i = 0; i < ctx.InputCount; i++)
        {
            var v = ctx.Input(i);
            operands.Add(i == 0 && channelLast && v is TensorValue x ? new TensorValue(Transpose(x.Data, ChannelFirstPermutation(x.Data.Dimensions.Length))) : v);
        }
        var outputTypes = ctx.OutputTypes.Select(t => channelLast && t is TensorType { Shape.IsRanked: true } tt
            ? tt.WithShape(ToChannelFirst(tt.Shape)) : t).ToImmutableArray();
        var results = ReferenceEvaluator.Default.EvaluateOperation(onnx, ctx.Attributes.Remove(HaloOperatorSet.DataLayoutAttribute),
            outputTypes, operands.MoveToImmutable(), ImmutableDictionary<string, RuntimeValue>.Empty);
        if (results.IsEmpty || results[0] is not TensorValue { Data: var y })
        {
            return;
        }
        ctx.SetOutput(0, channelLast ? Transpose(y, ChannelLastPermutation(y.Dimensions.Length)) : y);
    }

    /// <summary>The permutation from channel-last to channel-first: [0, r-1, 1, ..., r-2].</summary>
    public static long[] ChannelFirstPermutation(int rank) => rank < 2 ? [.. Enumerable.Range(0, rank).Select(i => (long)i)]
        : [0, rank - 1, .. Enumerable.Range(1, rank - 2).Select(i => (long)i)];

    /// <summary>The permutation from channel-first to channel-last: [0, 2, ..., r-1, 1].</summary>
    public static long[] ChannelLastPermutation(int rank) => rank < 2 ? [.. Enumerable.Range(0, rank).Select(i => (long)i)]
        : [0, .. Enumerable.Range(2, rank - 2).Select(i => (long)i), 1];

    private static bool TryReadLayout(AttributeValue? value, out bool channelLast, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        string layout = value is { Kind: AttributeKind.String } s ? s.AsString() : HaloOperatorSet.ChannelLast;
        channelLast = layout == HaloOperatorSet.ChannelLast;
        error = channelLast || layout == HaloOperatorSet.ChannelFirst ? null
            : $"data_layout '{layout}' is not supported; use '{HaloOperatorSet.ChannelLast}' or '{HaloOperatorSet.ChannelFirst}'";
        return error is null;
    }

    /// <summary>Operand <paramref name="index"/> as the ONNX operator sees it (X transposed to channel-first).</summary>
    private static ValueRef Operand(InferenceContext ctx, int index, bool channelLast)
    {
        if (!ctx.HasInput(index))
        {
            return ValueRef.None;
        }
        if (ctx.InputConstant(index) is { } data && (index != 0 || !channelLast))
        {
            return new GreenConstant(data).Output(0);
        }
        var type = ctx.InputType(index)!;
        if (index == 0 && channelLast && type is TensorType t)
        {
            type = t.WithShape(ToChannelFirst(t.Shape));
        }
        return new GreenInput(type).Output(0);
    }

    private static Shape ToChannelFirst(Shape shape) => Permute(shape, ChannelFirstPermutation);

    private static Shape ToChannelLast(Shape shape) => Permute(shape, ChannelLastPermutation);

    private static Shape Permute(Shape shape, Func<int, long[]> permutation) => !shape.IsRanked ? shape
        : Shape.Of(permutation(shape.Rank).Select(p => shape[(int)p]).ToImmutableArray());

    private static OperatorSchema OnnxSchema(string name) =>
        OperatorRegistry.Default.TryResolve(OperatorId.DefaultDomain, name, long.MaxValue, out var schema) ? schema
            : throw new InvalidOperationException($"The ONNX operator {name} behind ai.halo::{name} is not registered.");

    private static TensorData Transpose(TensorData data, long[] permutation)
    {
        var schema = OnnxSchema("Transpose");
        var result = ReferenceEvaluator.Default.EvaluateOperation(schema,
            AttributeMap.Create([new("perm", AttributeValue.FromInts([.. permutation]))]),
            [new TensorType(data.ElementType, Shape.Unranked)], [new TensorValue(data)], ImmutableDictionary<string, RuntimeValue>.Empty);
        return ((TensorValue)result[0]).Data;
    }
}
