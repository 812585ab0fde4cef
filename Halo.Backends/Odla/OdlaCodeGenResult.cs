using System.Collections.Immutable;
using Halo.Core.Diagnostics;

namespace Halo.Backends.Odla;

/// <summary>The outcome of code generation: the artifacts (null when an error was reported) and diagnostics.</summary>
/// <param name="Artifacts">The generated files, or null.</param>
/// <param name="Diagnostics">Everything reported, errors included.</param>
public sealed record OdlaCodeGenResult(OdlaArtifacts? Artifacts, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Whether artifacts were produced (no error was reported).</summary>
    public bool Success => Artifacts is not null && !Diagnostics.Any(d => d.IsError);
}
