using Halo.Core.Diagnostics;

namespace Halo.Cli;

/// <summary>Diagnostics of the <c>halo</c> command line (HALO6xxx).</summary>
internal static class CommandLineDiagnostics
{
    /// <summary>HALO6001: the arguments do not parse.</summary>
    public static readonly DiagnosticDescriptor InvalidArguments = new("HALO6001", "Invalid arguments",
        "{0}", DiagnosticCategory.CommandLine, DiagnosticSeverity.Error);
}
