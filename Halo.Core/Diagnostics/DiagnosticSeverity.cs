namespace Halo.Core.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Informational; shown with verbose output.</summary>
    Info,
    /// <summary>Something suspicious that does not stop compilation.</summary>
    Warning,
    /// <summary>Compilation cannot produce a correct result.</summary>
    Error,
}
