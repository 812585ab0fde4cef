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
    private ImmutableArray<ValueRef> _dependencies;

    private GreenOp(OperatorId op, ImmutableArray<ValueRef> inputs, AttributeMap attributes, ImmutableArray<IrType> outputTypes,
        ImmutableArray<ValueRef> implicitInputs = default)
        : base(outputTypes)
    {
        Operator = op;
        _inputs = inputs.IsDefault ? ImmutableArray<ValueRef>.Empty : inputs;
        Attributes = attributes;
        ImplicitInputs = implicitInputs.IsDefault ? ImmutableArray<ValueRef>.Empty : implicitInputs;
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

    /// <summary>Values of the enclosing graph that this operation's subgraphs use by name (through
    /// <see cref="GreenCapture"/> nodes). They order the graph and keep those values alive like operands,
    /// but are not operands of the operator's schema.</summary>
    public ImmutableArray<ValueRef> ImplicitInputs { get; }

    /// <inheritdoc />
    public override ImmutableArray<ValueRef> Dependencies
    {
        get
        {
            if (_dependencies.IsDefault)
            {
                ImmutableInterlocked.InterlockedInitialize(ref _dependencies, ImplicitInputs.IsEmpty ? _inputs : _inputs.AddRange(ImplicitInputs));
            }
            return _dependencies;
        }
    }

    /// <summary>Path copying: this node when <paramref name="inputs"/> equals <see cref="Inputs"/>, else a copy.</summary>
    public GreenOp WithInputs(ImmutableArray<ValueRef> inputs) =>
        inputs.AsSpan().SequenceEqual(_inputs.AsSpan()) ? this : new(Operator, inputs, Attributes, OutputTypes, ImplicitInputs);

    /// <summary>Path copying for implicit inputs: this node when they are equal, else a copy.</summary>
    public GreenOp WithImplicitInputs(ImmutableArray<ValueRef> implicitInputs) =>
        (implicitInputs.IsDefault ? ImmutableArray<ValueRef>.Empty : implicitInputs).AsSpan().SequenceEqual(ImplicitInputs.AsSpan())
            ? this : new(Operator, _inputs, Attributes, OutputTypes, implicitInputs);

    /// <summary>This node with other attributes (same instance when reference-equal).</summary>
    public GreenOp WithAttributes(AttributeMap attributes) =>
        ReferenceEquals(attributes, Attributes) ? this : new(Operator, _inputs, attributes, OutputTypes, ImplicitInputs);

    /// <summary>This node with other output types (same instance when all equal).</summary>
    public GreenOp WithOutputTypes(ImmutableArray<IrType> outputTypes) =>
        outputTypes.SequenceEqual(OutputTypes) ? this : new(Operator, _inputs, Attributes, outputTypes, ImplicitInputs);

    /// <inheritdoc />
    public override bool IsEquivalentTo(GreenNode other) => other is GreenOp o && o.Operator == Operator
        && o._inputs.AsSpan().SequenceEqual(_inputs.AsSpan()) && o.ImplicitInputs.AsSpan().SequenceEqual(ImplicitInputs.AsSpan())
        && o.Attributes.IsEquivalentTo(Attributes)
        && o.OutputTypes.SequenceEqual(OutputTypes);
}
