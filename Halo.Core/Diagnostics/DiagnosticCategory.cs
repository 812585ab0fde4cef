namespace Halo.Core.Diagnostics;

/// <summary>Which part of the platform reports a diagnostic; each owns a range of ids.</summary>
public enum DiagnosticCategory
{
    /// <summary>Loading models and frontends (HALO1xxx).</summary>
    Frontend,
    /// <summary>Verification and shape inference (HALO2xxx).</summary>
    Verification,
    /// <summary>Passes (HALO3xxx).</summary>
    Pass,
    /// <summary>Backends and code generation (HALO4xxx).</summary>
    Backend,
    /// <summary>Native toolchain and runtime (HALO5xxx).</summary>
    Toolchain,
    /// <summary>Command line and options (HALO6xxx).</summary>
    CommandLine,
    /// <summary>Internal errors (HALO9xxx).</summary>
    Internal,
}
