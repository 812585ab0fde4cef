using Halo.Core.Diagnostics;

namespace Halo.Cli.Commands;

/// <summary>Diagnostics of <c>halo bench</c> (HALO6010-HALO6019).</summary>
internal static class BenchDiagnostics
{
    /// <summary>HALO6010: a count option out of its range.</summary>
    public static readonly DiagnosticDescriptor InvalidCount = new("HALO6010", "Invalid bench option",
        "{0} must be {1}, not {2}", DiagnosticCategory.CommandLine, DiagnosticSeverity.Error);

    /// <summary>HALO6011: no test set and an input whose random values cannot be made.</summary>
    public static readonly DiagnosticDescriptor CannotMakeInput = new("HALO6011", "Cannot make a bench input",
        "Input '{0}' ({1}) has no test_data_set_0 file and no random values can be made for it ({2}); add test_data_set_0/input_{3}.pb beside the model",
        DiagnosticCategory.CommandLine, DiagnosticSeverity.Error);

    /// <summary>HALO6012: <c>--threads</c> given for a backend that does not take it.</summary>
    public static readonly DiagnosticDescriptor ThreadsIgnored = new("HALO6012", "--threads ignored",
        "Backend '{0}' does not take --threads; {1} is ignored ({2})", DiagnosticCategory.CommandLine, DiagnosticSeverity.Warning);
}
