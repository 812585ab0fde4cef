using System.Collections.Immutable;
using Halo.Core.Diagnostics;
using Halo.Core.IR.Green;

namespace Halo.Frontends.TensorFlow;

/// <summary>The parts of the graph being built that converters add to: graph inputs and the name and location
/// side tables. One per import.</summary>
internal sealed class TensorFlowGraphState
{
    public ImmutableArray<GreenInput>.Builder Inputs { get; } = ImmutableArray.CreateBuilder<GreenInput>();

    public ImmutableDictionary<ValueRef, string>.Builder ValueNames { get; } = ImmutableDictionary.CreateBuilder<ValueRef, string>();

    public ImmutableDictionary<GreenNode, string>.Builder NodeNames { get; } = ImmutableDictionary.CreateBuilder<GreenNode, string>();

    public ImmutableDictionary<GreenNode, ModelLocation>.Builder Locations { get; } = ImmutableDictionary.CreateBuilder<GreenNode, ModelLocation>();
}
