using Halo.Core.Diagnostics;

namespace Halo.Cli.Execution;

/// <summary>Diagnostics of the <c>odla-reference</c> backend (HALO4950-HALO4969). Ids are stable and never reused.</summary>
internal static class OdlaExecutionDiagnostics
{
    /// <summary>HALO4950: the ODLA reference runtime (library and headers) is not beside the tool.</summary>
    public static readonly DiagnosticDescriptor RuntimeNotFound = new("HALO4950", "ODLA runtime not found",
        "The ODLA runtime '{0}' (library and headers) was not found under '{1}'; rebuild Halo.Cli so that runtimes/ and odla/include/ are beside it",
        DiagnosticCategory.Backend, DiagnosticSeverity.Error);

    /// <summary>HALO4951: the build folder of the generated code cannot be written.</summary>
    public static readonly DiagnosticDescriptor BuildFolderNotWritable = new("HALO4951", "Cannot write the native build folder",
        "Cannot write the generated code to '{0}': {1}; set HALO_NATIVE_CACHE to a writable folder",
        DiagnosticCategory.Backend, DiagnosticSeverity.Error);
}
