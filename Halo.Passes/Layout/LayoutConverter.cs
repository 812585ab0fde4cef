using System.Collections.Frozen;
using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators;
using Halo.Core.Operators.Halo;

namespace Halo.Passes.Layout;

/// <summary>
/// The rewriter behind <see cref="ReorderDataLayout"/>. In producer-before-consumer order it (1) wraps each
/// convertible operation in transposes: ONNX Conv/MaxPool/AveragePool/GlobalAveragePool/BatchNormalization become
/// their channel-last <c>ai.halo</c> forms for <see cref="DataLayout.ChannelLast"/>, and channel-last <c>ai.halo</c>
/// operations become ONNX ones for <see cref="DataLayout.ChannelFirst"/>; (2) moves the transpose back out of the
/// target layout below elementwise operations and Concat, so it meets the next conversion; (3) composes adjacent
/// transposes, so inverse pairs cancel. Not thread-safe; one rewrite at a time.
/// </summary>
internal sealed class LayoutConverter(OperatorRegistry registry, DataLayout target, long opset) : GraphRewriter
{
    private static readonly FrozenSet<string> s_elementwise = FrozenSet.ToFrozenSet(
    [
        "Abs", "Add", "Celu", "Ceil", "Clip", "Div", "Elu", "Erf", "Exp", "Floor", "Gelu", "HardSigmoid", "HardSwish",
        "Identity", "LeakyRelu", "Log", "Max", "Mean", "Min", "Mish", "Mul", "Neg", "Pow", "PRelu", "Reciprocal", "Relu",
        "Round", "Selu", "Sigmoid", "Sign", "Softplus", "Softsign", "Sqrt", "Sub", "Sum", "Tanh",
    ], StringComparer.Ordinal);

    private readonly Transposes _transposes = new(registry, opset);

    protected override ImmutableArray<ValueRef> RewriteNode(Node original, GreenNode updated)
    {
        if (updated is not GreenOp { OutputTypes.Length: 1 } op || op.OutputTypes[0] is not TensorType { Shape.IsRanked: true } y)
        {
            return default;
        }
        if (op.Operator is { Name: "Transpose", Domain: "" })
        {
            return Transposes.TryMatch(op.Output(0), out var inner, out var perm) && Transposes.TryMatch(inner, out _, out _)
                ? [_transposes.Create(inner, perm)] : default;
        }
        int rank = y.Shape.Rank;
        if (rank < 3)
        {
            return default;
        }
        var result = (target == DataLayout.ChannelLast ? ToChannelLast(op, rank) : ToChannelFirst(op, rank))
            ?? SinkThroughElementwise(op, rank) ?? SinkThroughConcat(op, rank);
        return result is { } value ? [value] : default;
    }

    /// <summary>The permutation of the transposes that leave the target layout (and are moved down).</summary>
    private long[] OutOfTarget(int rank) => target == DataLayout.ChannelLast ? Transposes.ToChannelFirst(rank) : Transposes.ToChannelLast(rank);

    private ValueRef? ToChannelLast(GreenOp op, int rank)
    {
        if (op.Operator.Domain.Length != 0 || !HaloOperatorSet.LayoutOperators.Contains(op.Operator.Name)
            || op.Attributes.GetInt("training_mode", 0) != 0
            || !registry.TryResolve(HaloOperatorSet.Domain, op.Operator.Name, HaloOperatorSet.Version, out var schema))
        {
            return null;
        }
        var attributes = op.Attributes.Remove("training_mode")
            .SetItem(HaloOperatorSet.DataLayoutAttribute, AttributeValue.FromString(HaloOperatorSet.ChannelLast));
        return Wrap(op, schema, attributes, Transposes.ToChannelLast(rank), Transposes.ToChannelFirst(rank));
    }

    private ValueRef? ToChannelFirst(GreenOp op, int rank)
    {
        if (op.Operator.Domain != HaloOperatorSet.Domain || !HaloOperatorSet.LayoutOperators.Contains(op.Operator.Name)
            || op.Attributes.GetString(HaloOperatorSet.DataLayoutAttribute, HaloOperatorSet.ChannelLast) != HaloOperatorSet.ChannelLast
            || !registry.TryResolve(OperatorId.DefaultDomain, op.Operator.Name, opset, out var schema))
        {
            return null;
        }
        return Wrap(op, schema, op.Attributes.Remove(HaloOperatorSet.DataLayoutAttribute),
            Transposes.ToChannelFirst(rank), Transposes.ToChannelLast(rank));
    }

    /// <summary>Transpose(schema(Transpose(X, into), operands...), back), or null when the schema lacks one of the
    /// attributes (legacy forms such as BatchNormalization's <c>spatial</c>) or inference rejects it.</summary>
    private ValueRef? Wrap(GreenOp op, OperatorSchema schema, AttributeMap attributes, long[] into, long[] back)
    {
        if (attributes.Keys.Any(name => !schema.Attributes.ContainsKey(name)) || op.Inputs.Length > schema.MaxInputs)
        {
            return null;
        }
        var operands = op.Inputs.SetItem(0, _transposes.Create(op.Inputs[0], into));
        var converted = OperatorRegistry.CreateOp(schema, operands, attributes, 1, out var errors);
        return errors.IsEmpty ? _transposes.Create(converted.Output(0), back) : null;
    }

    /// <summary>f(T(a), T(b), c) = T(f(a, b, T⁻¹(c))) for elementwise f, when at least one operand leaves the
    /// target layout through a transpose and the others are transposed the same way or are constants.</summary>
    private ValueRef? SinkThroughElementwise(GreenOp op, int rank)
    {
        if (op.Operator.Domain.Length != 0 || !s_elementwise.Contains(op.Operator.Name)
            || !registry.TryGetSchema(op.Operator, out var schema))
        {
            return null;
        }
        long[] perm = OutOfTarget(rank);
        var operands = ImmutableArray.CreateBuilder<ValueRef>(op.Inputs.Length);
        int moved = 0;
        foreach (var operand in op.Inputs)
        {
            if (operand.IsNone || operand.Type is TensorType { Shape: { IsRanked: true, Rank: 0 } })
            {
                operands.Add(operand);
            }
            else if (Transposes.TryMatch(operand, out var inner, out var p) && p.SequenceEqual(perm))
            {
                operands.Add(inner);
                moved++;
            }
            else if (operand.Producer is GreenConstant { Data: { } data } && data.Dimensions.Length <= rank)
            {
                operands.Add(data.ElementCount == 1 ? operand : _transposes.Create(Padded(data, rank), Transposes.Inverse(perm)));
            }
            else
            {
                return null;
            }
        }
        if (moved == 0)
        {
            return null;
        }
        var sunk = OperatorRegistry.CreateOp(schema, operands.MoveToImmutable(), op.Attributes, 1, out var errors);
        return errors.IsEmpty ? _transposes.Create(sunk.Output(0), perm) : null;
    }

    /// <summary>Concat(T(a), T(b), axis) = T(Concat(a, b, perm[axis])).</summary>
    private ValueRef? SinkThroughConcat(GreenOp op, int rank)
    {
        if (op.Operator is not { Name: "Concat", Domain: "" } || !registry.TryGetSchema(op.Operator, out var schema))
        {
            return null;
        }
        long[] perm = OutOfTarget(rank);
        var operands = ImmutableArray.CreateBuilder<ValueRef>(op.Inputs.Length);
        foreach (var operand in op.Inputs)
        {
            if (!Transposes.TryMatch(operand, out var inner, out var p) || !p.SequenceEqual(perm))
            {
                return null;
            }
            operands.Add(inner);
        }
        long axis = op.Attributes.GetInt("axis", 0);
        axis = axis < 0 ? axis + rank : axis;
        if (axis < 0 || axis >= rank)
        {
            return null;
        }
        var attributes = op.Attributes.SetItem("axis", AttributeValue.FromInt(perm[axis]));
        var sunk = OperatorRegistry.CreateOp(schema, operands.MoveToImmutable(), attributes, 1, out var errors);
        return errors.IsEmpty ? _transposes.Create(sunk.Output(0), perm) : null;
    }

    /// <summary>The constant with leading 1s up to <paramref name="rank"/> (same elements, as broadcasting sees it).</summary>
    private static ValueRef Padded(TensorData data, int rank)
    {
        var dims = Enumerable.Repeat(1L, rank - data.Dimensions.Length).Concat(data.Dimensions).ToImmutableArray();
        return new GreenConstant(TensorData.FromBytes(data.ElementType, dims, data.Bytes)).Output(0);
    }
}
