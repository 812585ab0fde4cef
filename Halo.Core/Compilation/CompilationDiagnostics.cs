using Halo.Core.Diagnostics;

namespace Halo.Core.Compilation;

/// <summary>Diagnostics of the compilation pipeline itself.</summary>
public static class CompilationDiagnostics
{
    /// <summary>HALO1000: no registered importer handles the file.</summary>
    public static readonly DiagnosticDescriptor NoImporter = new("HALO1000", "No importer for the model",
        "No registered frontend reads '{0}' (format '{1}'); registered formats: {2}",
        DiagnosticCategory.Frontend, DiagnosticSeverity.Error);
}
