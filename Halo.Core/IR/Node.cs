using System.Collections.Immutable;
using Halo.Core.Diagnostics;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators;

namespace Halo.Core.IR;

/// <summary>
/// A red node: a facade over one green node inside one <see cref="Graph"/>. It answers what green nodes
/// cannot: users, name, location, position. Obtain with <see cref="Graph.GetNode"/>; never store in green nodes.
/// </summary>
public sealed class Node
{
    internal Node(Graph graph, GreenNode green, int index)
    {
        Graph = graph;
        Green = green;
        Index = index;
    }

    /// <summary>The graph this node belongs to.</summary>
    public Graph Graph { get; }

    /// <summary>The underlying green node.</summary>
    public GreenNode Green { get; }

    /// <summary>The position in the graph's topological order.</summary>
    public int Index { get; }

    /// <summary>The node kind.</summary>
    public GreenNodeKind Kind => Green.Kind;

    /// <summary>The operator, or null when this is not an operation.</summary>
    public OperatorId? Operator => (Green as GreenOp)?.Operator;

    /// <summary>The attributes (empty when this is not an operation).</summary>
    public AttributeMap Attributes => (Green as GreenOp)?.Attributes ?? AttributeMap.Empty;

    /// <summary>The node's name (operations) or, for inputs and constants, the name of its value.</summary>
    public string? Name => Graph.NodeNameOf(Green) ?? (Green is GreenOp ? null : Graph.NameOf(Green.Output(0)));

    /// <summary>The source location.</summary>
    public ModelLocation Location => Graph.LocationOf(Green);

    /// <summary>The operations using this node's outputs.</summary>
    public ImmutableArray<Use> Users => Graph.UsesOf(Green);

    /// <summary>The output types.</summary>
    public ImmutableArray<IrType> OutputTypes => Green.OutputTypes;

    /// <summary>The producer of operand <paramref name="index"/>, or null when omitted.</summary>
    public Node? InputProducer(int index) => Green.Inputs[index].Producer is { } p ? Graph.GetNode(p) : null;

    /// <summary>The name of output <paramref name="index"/>, or null.</summary>
    public string? OutputName(int index) => Graph.NameOf(Green.Output(index));

    /// <inheritdoc />
    public override string ToString() => (Operator?.ToString() ?? Kind.ToString()) + (Name is null ? string.Empty : " '" + Name + "'");
}
