using Halo.Core.Diagnostics;

namespace Halo.Odla.Native.Loading;

/// <summary>
/// A compiled model library could not be loaded (HALO5010, HALO5011) or its run failed (HALO5012). Thrown by
/// <see cref="CompiledModelLibrary"/>; tools catch it and report <see cref="Diagnostic"/> instead of a stack trace.
/// </summary>
public sealed class NativeModelException : Exception
{
    /// <summary>Creates the exception for a diagnostic.</summary>
    public NativeModelException(Diagnostic diagnostic)
        : base(diagnostic?.ToString())
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        Diagnostic = diagnostic;
    }

    /// <summary>The diagnostic to report.</summary>
    public Diagnostic Diagnostic { get; }
}
