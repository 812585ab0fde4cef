using Halo.Core.Diagnostics;

namespace Halo.Cli;

/// <summary>Diagnostics of the <c>halo</c> command line (HALO6xxx).</summary>
internal static class CommandLineDiagnostics
{
    /// <summary>HALO6001: the arguments do not parse.</summary>
    public static readonly DiagnosticDescriptor InvalidArguments = new("HALO6001", "Invalid arguments",
        "{0}", DiagnosticCategory.CommandLine, DiagnosticSeverity.Error);

    /// <summary>HALO6002: an unknown <c>--backend</c>.</summary>
    public static readonly DiagnosticDescriptor UnknownBackend = new("HALO6002", "Unknown backend",
        "Backend '{0}' is not known; choose one of: {1}", DiagnosticCategory.CommandLine, DiagnosticSeverity.Error);

    /// <summary>HALO6003: an <c>--input</c> that is not NAME=FILE.</summary>
    public static readonly DiagnosticDescriptor InvalidInputBinding = new("HALO6003", "Invalid --input",
        "--input '{0}' must be NAME=FILE.pb", DiagnosticCategory.CommandLine, DiagnosticSeverity.Error);

    /// <summary>HALO6004: the inputs given do not match the model's inputs.</summary>
    public static readonly DiagnosticDescriptor InputMismatch = new("HALO6004", "Inputs do not match the model",
        "{0}; the model's inputs are: {1}", DiagnosticCategory.CommandLine, DiagnosticSeverity.Error);
}
