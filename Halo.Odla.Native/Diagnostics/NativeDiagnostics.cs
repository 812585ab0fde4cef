using Halo.Core.Diagnostics;

namespace Halo.Odla.Native.Diagnostics;

/// <summary>Diagnostics of the native toolchain and the compiled-model loader (HALO5001-HALO5049). Ids are stable and never reused.</summary>
public static class NativeDiagnostics
{
    /// <summary>HALO5001: no C/C++ compiler was found, or the configured one does not exist.</summary>
    public static readonly DiagnosticDescriptor CompilerNotFound = new("HALO5001", "No C/C++ compiler found",
        "No C/C++ compiler found ({0}); install g++ or clang, or give the compiler path explicitly",
        DiagnosticCategory.Toolchain, DiagnosticSeverity.Error);

    /// <summary>HALO5002: the compiler rejected a source file; the message carries the compiler's own error line.</summary>
    public static readonly DiagnosticDescriptor CompilationFailed = new("HALO5002", "Compilation failed",
        "Compiling '{0}' failed: {1}",
        DiagnosticCategory.Toolchain, DiagnosticSeverity.Error);

    /// <summary>HALO5003: the linker failed (undefined symbol, missing library...); the message carries the linker's line.</summary>
    public static readonly DiagnosticDescriptor LinkFailed = new("HALO5003", "Link failed",
        "Linking '{0}' failed: {1}",
        DiagnosticCategory.Toolchain, DiagnosticSeverity.Error);

    /// <summary>HALO5004: a compiler or linker run exceeded the timeout and was stopped.</summary>
    public static readonly DiagnosticDescriptor ToolTimedOut = new("HALO5004", "Native tool timed out",
        "{0} did not finish within {1} seconds and was stopped; raise the toolchain timeout",
        DiagnosticCategory.Toolchain, DiagnosticSeverity.Error);

    /// <summary>HALO5005: the compiler or linker could not be started at all.</summary>
    public static readonly DiagnosticDescriptor ToolStartFailed = new("HALO5005", "Cannot start native tool",
        "Cannot start '{0}': {1}",
        DiagnosticCategory.Toolchain, DiagnosticSeverity.Error);

    /// <summary>HALO5006: an input file of a build (source, object, weights) does not exist or has an unknown kind.</summary>
    public static readonly DiagnosticDescriptor InvalidBuildInput = new("HALO5006", "Invalid build input",
        "Build input '{0}' {1}",
        DiagnosticCategory.Toolchain, DiagnosticSeverity.Error);

    /// <summary>HALO5007: the compiler reported a warning (only when warnings are not errors).</summary>
    public static readonly DiagnosticDescriptor CompilerWarning = new("HALO5007", "Compiler warning",
        "Compiling '{0}': {1}",
        DiagnosticCategory.Toolchain, DiagnosticSeverity.Warning);

    /// <summary>HALO5008: the build cache could not be read or written; the build went on without it.</summary>
    public static readonly DiagnosticDescriptor CacheUnavailable = new("HALO5008", "Build cache unavailable",
        "The native build cache '{0}' could not be used ({1}); built without it",
        DiagnosticCategory.Toolchain, DiagnosticSeverity.Warning);

    /// <summary>HALO5009: an output (object, library, executable) or its folder cannot be written.</summary>
    public static readonly DiagnosticDescriptor OutputNotWritable = new("HALO5009", "Cannot write build output",
        "Cannot write '{0}': {1}",
        DiagnosticCategory.Toolchain, DiagnosticSeverity.Error);

    /// <summary>HALO5010: a compiled model library could not be loaded.</summary>
    public static readonly DiagnosticDescriptor LibraryLoadFailed = new("HALO5010", "Cannot load compiled model",
        "Cannot load the compiled model library '{0}': {1}",
        DiagnosticCategory.Toolchain, DiagnosticSeverity.Error);

    /// <summary>HALO5011: a compiled model library lacks one of the entry points of the ODLA contract.</summary>
    public static readonly DiagnosticDescriptor MissingEntryPoint = new("HALO5011", "Missing model entry point",
        "The compiled model library '{0}' does not export '{1}'; was it generated with the entry name '{2}'?",
        DiagnosticCategory.Toolchain, DiagnosticSeverity.Error);

    /// <summary>HALO5012: the model's run entry point returned a non-zero status (an ODLA call failed).</summary>
    public static readonly DiagnosticDescriptor RunFailed = new("HALO5012", "Compiled model run failed",
        "'{0}' returned status {1}: an ODLA call of the runtime failed; run with the reference runtime to find the operation",
        DiagnosticCategory.Toolchain, DiagnosticSeverity.Error);
}
