using Halo.Core.Diagnostics;

namespace Halo.Cli;

/// <summary>Writes diagnostics to standard error in the MSBuild/compiler format.</summary>
internal static class DiagnosticWriter
{
    /// <summary>Writes every diagnostic; returns whether any is an error.</summary>
    public static bool Write(IEnumerable<Diagnostic> diagnostics, TextWriter error)
    {
        bool errors = false;
        foreach (var d in diagnostics)
        {
            error.WriteLine(d.ToString());
            errors |= d.IsError;
        }
        return errors;
    }
}
