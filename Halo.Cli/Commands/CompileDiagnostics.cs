using Halo.Core.Diagnostics;

namespace Halo.Cli.Commands;

/// <summary>Diagnostics of <c>halo compile</c> (HALO6020-HALO6039).</summary>
internal static class CompileDiagnostics
{
    /// <summary>HALO6020: an output file could not be written.</summary>
    public static readonly DiagnosticDescriptor CannotWrite = new("HALO6020", "Cannot write the output",
        "Cannot write '{0}': {1}; check that the folder is writable", DiagnosticCategory.CommandLine, DiagnosticSeverity.Error);

    /// <summary>HALO6021: the folder of <c>-o</c> does not exist.</summary>
    public static readonly DiagnosticDescriptor MissingOutputFolder = new("HALO6021", "Output folder does not exist",
        "The folder '{0}' of -o does not exist; create it first", DiagnosticCategory.CommandLine, DiagnosticSeverity.Error);
}
