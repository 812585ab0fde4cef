using System.Collections.Immutable;
using Halo.Core.Diagnostics;
using Halo.Core.IR;

namespace Halo.Core.Compilation;

/// <summary>The outcome of an import: the model (null when an error made one impossible) and diagnostics.</summary>
/// <param name="Model">The model, or null.</param>
/// <param name="Diagnostics">Everything reported, errors included.</param>
public sealed record ImportResult(HaloModel? Model, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Whether an error was reported.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
