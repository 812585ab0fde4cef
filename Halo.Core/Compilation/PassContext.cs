using Halo.Core.Diagnostics;
using Halo.Core.Operators;

namespace Halo.Core.Compilation;

/// <summary>What a pass can use: the operator registry, the compilation options, a diagnostic sink and cancellation.</summary>
public sealed class PassContext
{
    private readonly DiagnosticBag _diagnostics;

    internal PassContext(OperatorRegistry registry, HaloCompilationOptions options, DiagnosticBag diagnostics,
        CancellationToken cancellationToken)
    {
        Registry = registry;
        Options = options;
        _diagnostics = diagnostics;
        CancellationToken = cancellationToken;
    }

    /// <summary>The operator registry.</summary>
    public OperatorRegistry Registry { get; }

    /// <summary>The compilation options.</summary>
    public HaloCompilationOptions Options { get; }

    /// <summary>Cancellation for long passes.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Reports a diagnostic.</summary>
    public void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    /// <summary>Creates and reports a diagnostic.</summary>
    public void Report(DiagnosticDescriptor descriptor, ModelLocation? location, params object?[] arguments) =>
        _diagnostics.Report(descriptor, location, arguments);
}
