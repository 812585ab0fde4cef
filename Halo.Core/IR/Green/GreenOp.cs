using System.Collections.Immutable;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators;

namespace Halo.Core.IR.Green;

/// <summary>
/// An operation: an operator version, its operands, attributes and output types. Create checked
/// operations through <see cref="OperatorRegistry.CreateOp"/> or <see cref="GraphBuilder"/>, which run
/// the operator's type and shape inference.
/// </summary>
public sealed class GreenOp : GreenNode
{
    private readonly ImmutableArray<ValueRef> _inputs;

    private GreenOp(OperatorId op, ImmutableArray<ValueRef> inputs, AttributeMap attributes, ImmutableArray<IrType> outputTypes)
        : base(outputTypes)
    {
        Operator = op;
        _inputs = inputs.IsDefault ? ImmutableArray<ValueRef>.Empty : inputs;
        Attributes = attributes;
    }

    /// <summary>Creates an operation with the given output types, without inference (the verifier
    /// checks them against the operator's schema).</summary>
    public static GreenOp Create(OperatorId op, ImmutableArray<ValueRef> inputs, AttributeMap attributes,
        ImmutableArray<IrType> outputTypes)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(attributes);
        return new(op, inputs, attributes, outputTypes);
    }

    /// <inheritdoc />
    public override GreenNodeKind Kind => GreenNodeKind.Op;

    /// <summary>The operator version.</summary>
    public OperatorId Operator { get; }

    /// <inheritdoc />
    public override ImmutableArray<ValueRef> Inputs => _inputs;

    /// <summary>The attributes.</summary>
    public AttributeMap Attributes { get; }

    /// <summary>Path copying: this node when <paramref name="inputs"/> equals <see cref="Inputs"/>, else a copy.</summary>
    public GreenOp WithInputs(ImmutableArray<ValueRef> inputs) =>
        inputs.AsSpan().SequenceEqual(_inputs.AsSpan()) ? this : new(Operator, inputs, Attributes, OutputTypes);

    /// <summary>This node with other attributes (same instance when reference-equal).</summary>
    public GreenOp WithAttributes(AttributeMap attributes) =>
        ReferenceEquals(attributes, Attributes) ? this : new(Operator, _inputs, attributes, OutputTypes);

    /// <summary>This node with other output types (same instance when all equal).</summary>
    public GreenOp WithOutputTypes(ImmutableArray<IrType> outputTypes) =>
        outputTypes.SequenceEqual(OutputTypes) ? this : new(Operator, _inputs, Attributes, outputTypes);

    /// <inheritdoc />
    public override bool IsEquivalentTo(GreenNode other) => other is GreenOp o && o.Operator == Operator
        && o._inputs.AsSpan().SequenceEqual(_inputs.AsSpan()) && o.Attributes.IsEquivalentTo(Attributes)
        && o.OutputTypes.SequenceEqual(OutputTypes);
}
