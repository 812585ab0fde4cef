using System.Collections.Immutable;
using Halo.Core.IR.Types;

namespace Halo.Core.IR.Green;

/// <summary>
/// An immutable, position-free node of the IR: it knows what it computes and from which values,
/// never its graph, users, name or location. Identity is reference identity; structural comparison is
/// <see cref="IsEquivalentTo"/>. One green node can be shared by many graph versions.
/// </summary>
public abstract class GreenNode
{
    private protected GreenNode(ImmutableArray<IrType> outputTypes) =>
        OutputTypes = outputTypes.IsDefault ? ImmutableArray<IrType>.Empty : outputTypes;

    /// <summary>The node kind.</summary>
    public abstract GreenNodeKind Kind { get; }

    /// <summary>The type of each output.</summary>
    public ImmutableArray<IrType> OutputTypes { get; }

    /// <summary>The operands (empty for inputs, constants and captures).</summary>
    public virtual ImmutableArray<ValueRef> Inputs => ImmutableArray<ValueRef>.Empty;

    /// <summary>Everything the node depends on: its operands, then (for operations with subgraphs) the implicit
    /// inputs its subgraphs capture. Graph order, users and rewriting follow dependencies.</summary>
    public virtual ImmutableArray<ValueRef> Dependencies => Inputs;

    /// <summary>A reference to output <paramref name="index"/>.</summary>
    public ValueRef Output(int index = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, OutputTypes.Length);
        return new(this, index);
    }

    /// <summary>Structural comparison of this node alone (operands compared by reference).</summary>
    public abstract bool IsEquivalentTo(GreenNode other);
}
