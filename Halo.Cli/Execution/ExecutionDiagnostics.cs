using Halo.Core.Diagnostics;

namespace Halo.Cli.Execution;

/// <summary>Diagnostics of running models from the command line.</summary>
internal static class ExecutionDiagnostics
{
    /// <summary>HALO4901: the reference backend lacks the semantics of an operator.</summary>
    public static readonly DiagnosticDescriptor NoReferenceSemantics = new("HALO4901", "Operator not supported by the backend",
        "Operator {0} has no reference semantics, so the '{1}' backend cannot run it; try another --backend",
        DiagnosticCategory.Backend, DiagnosticSeverity.Error);

    /// <summary>HALO4902: running the model failed on its data.</summary>
    public static readonly DiagnosticDescriptor ExecutionFailed = new("HALO4902", "Execution failed",
        "Running the model failed: {0}",
        DiagnosticCategory.Backend, DiagnosticSeverity.Error);
}
