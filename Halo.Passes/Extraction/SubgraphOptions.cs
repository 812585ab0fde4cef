using System.Collections.Immutable;

namespace Halo.Passes.Extraction;

/// <summary>Options of <see cref="ExtractSubgraph"/>: HALO's <c>--inputs</c> and <c>--outputs</c>.</summary>
public sealed record SubgraphOptions
{
    /// <summary>Names of values that become the graph inputs (with their inferred types); what computes them is
    /// dropped. Graph inputs the selected outputs still need are kept after them. Empty keeps the inputs.</summary>
    public ImmutableArray<string> Inputs { get; init; } = [];

    /// <summary>Names of values that become the graph outputs, in order. Empty keeps the outputs.</summary>
    public ImmutableArray<string> Outputs { get; init; } = [];

    /// <summary>Whether the options select the whole graph.</summary>
    public bool IsEmpty => Inputs.IsDefaultOrEmpty && Outputs.IsDefaultOrEmpty;

    /// <summary>Whether both name the same values.</summary>
    public bool Equals(SubgraphOptions? other) => other is not null
        && (other.Inputs.IsDefault ? [] : other.Inputs).SequenceEqual(Inputs.IsDefault ? [] : Inputs, StringComparer.Ordinal)
        && (other.Outputs.IsDefault ? [] : other.Outputs).SequenceEqual(Outputs.IsDefault ? [] : Outputs, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Inputs.IsDefault ? 0 : Inputs.Length, Outputs.IsDefault ? 0 : Outputs.Length);
}
