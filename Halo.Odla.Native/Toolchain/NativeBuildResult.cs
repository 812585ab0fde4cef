using System.Collections.Immutable;
using Halo.Core.Diagnostics;

namespace Halo.Odla.Native.Toolchain;

/// <summary>The outcome of a compile, link or build: the produced file and the diagnostics (errors and warnings).</summary>
public sealed class NativeBuildResult
{
    internal NativeBuildResult(string? outputPath, ImmutableArray<Diagnostic> diagnostics, bool fromCache)
    {
        Diagnostics = diagnostics;
        Success = !diagnostics.Any(d => d.IsError);
        OutputPath = Success ? outputPath : null;
        FromCache = Success && fromCache;
    }

    /// <summary>Whether the output was produced; false implies at least one error in <see cref="Diagnostics"/>.</summary>
    public bool Success { get; }

    /// <summary>The full path of the produced file, or null when <see cref="Success"/> is false.</summary>
    public string? OutputPath { get; }

    /// <summary>Whether the output came from the build cache (nothing was compiled or linked).</summary>
    public bool FromCache { get; }

    /// <summary>Errors (HALO5001-HALO5006) and warnings (HALO5007, HALO5008), in the order they were found.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }
}
