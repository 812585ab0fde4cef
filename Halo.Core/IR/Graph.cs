using System.Collections.Immutable;
using Halo.Core.Diagnostics;
using Halo.Core.IR.Green;

namespace Halo.Core.IR;

/// <summary>
/// An immutable tensor graph: inputs, outputs and side tables (value names, node names, locations) over
/// shared green nodes. Derived data (topological order, users, red nodes) is computed lazily once and is
/// safe to read from several threads. Rewrites produce new graphs; this one stays valid.
/// </summary>
public sealed partial class Graph
{
    private Graph(string name, ImmutableArray<GreenInput> inputs, ImmutableArray<ValueRef> outputs,
        ImmutableDictionary<ValueRef, string> valueNames, ImmutableDictionary<GreenNode, string> nodeNames,
        ImmutableDictionary<GreenNode, ModelLocation> locations)
    {
        Name = name;
        Inputs = inputs;
        Outputs = outputs;
        ValueNames = valueNames;
        NodeNames = nodeNames;
        Locations = locations;
    }

    /// <summary>Creates a graph. Side tables may be null (empty); <paramref name="outputs"/> must not contain omitted values.</summary>
    public static Graph Create(string name, ImmutableArray<GreenInput> inputs, ImmutableArray<ValueRef> outputs,
        ImmutableDictionary<ValueRef, string>? valueNames = null, ImmutableDictionary<GreenNode, string>? nodeNames = null,
        ImmutableDictionary<GreenNode, ModelLocation>? locations = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        outputs = outputs.IsDefault ? ImmutableArray<ValueRef>.Empty : outputs;
        if (outputs.Any(o => o.IsNone))
        {
            throw new ArgumentException("A graph output cannot be an omitted value.", nameof(outputs));
        }
        return new(name, inputs.IsDefault ? ImmutableArray<GreenInput>.Empty : inputs, outputs,
            valueNames ?? ImmutableDictionary<ValueRef, string>.Empty,
            nodeNames ?? ImmutableDictionary<GreenNode, string>.Empty,
            locations ?? ImmutableDictionary<GreenNode, ModelLocation>.Empty);
    }

    /// <summary>The graph's name.</summary>
    public string Name { get; }

    /// <summary>The inputs, in order.</summary>
    public ImmutableArray<GreenInput> Inputs { get; }

    /// <summary>The outputs, in order.</summary>
    public ImmutableArray<ValueRef> Outputs { get; }

    /// <summary>Names of values (inputs, constants, operation results).</summary>
    public ImmutableDictionary<ValueRef, string> ValueNames { get; }

    /// <summary>Names of operation nodes.</summary>
    public ImmutableDictionary<GreenNode, string> NodeNames { get; }

    /// <summary>Source locations of nodes.</summary>
    public ImmutableDictionary<GreenNode, ModelLocation> Locations { get; }

    /// <summary>The name of a value, or null.</summary>
    public string? NameOf(ValueRef value) => ValueNames.TryGetValue(value, out var n) ? n : null;

    /// <summary>The name of a node, or null.</summary>
    public string? NodeNameOf(GreenNode node) => NodeNames.TryGetValue(node, out var n) ? n : null;

    /// <summary>The source location of a node, or <see cref="ModelLocation.None"/>.</summary>
    public ModelLocation LocationOf(GreenNode node) => Locations.TryGetValue(node, out var l) ? l : ModelLocation.None;

    /// <summary>This graph with other outputs.</summary>
    public Graph WithOutputs(ImmutableArray<ValueRef> outputs) => outputs.SequenceEqual(Outputs) ? this
        : Create(Name, Inputs, outputs, ValueNames, NodeNames, Locations);

    /// <summary>This graph with other inputs.</summary>
    public Graph WithInputs(ImmutableArray<GreenInput> inputs) => inputs.SequenceEqual(Inputs) ? this
        : Create(Name, inputs, Outputs, ValueNames, NodeNames, Locations);

    /// <summary>This graph with other side tables.</summary>
    public Graph WithSideTables(ImmutableDictionary<ValueRef, string> valueNames, ImmutableDictionary<GreenNode, string> nodeNames,
        ImmutableDictionary<GreenNode, ModelLocation> locations) =>
        ReferenceEquals(valueNames, ValueNames) && ReferenceEquals(nodeNames, NodeNames) && ReferenceEquals(locations, Locations)
            ? this : Create(Name, Inputs, Outputs, valueNames, nodeNames, locations);

    /// <summary>This graph with another name.</summary>
    public Graph WithName(string name) => name == Name ? this : Create(name, Inputs, Outputs, ValueNames, NodeNames, Locations);

    /// <inheritdoc />
    public override string ToString() => $"graph {Name} ({Inputs.Length} inputs, {Outputs.Length} outputs)";
}
