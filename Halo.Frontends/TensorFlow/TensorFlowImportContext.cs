using Halo.Core.Diagnostics;
using Halo.Core.Operators;

namespace Halo.Frontends.TensorFlow;

/// <summary>The state shared by one GraphDef import: file, registry, diagnostics and cancellation. Not
/// thread-safe; one per import.</summary>
internal sealed class TensorFlowImportContext(string? filePath, OperatorRegistry registry, DiagnosticBag diagnostics,
    CancellationToken cancellationToken)
{
    public string? FilePath { get; } = filePath;

    public OperatorRegistry Registry { get; } = registry;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public ModelLocation FileLocation => ModelLocation.OfFile(FilePath);

    public void Report(DiagnosticDescriptor descriptor, ModelLocation location, params object?[] arguments) =>
        Diagnostics.Report(descriptor, location, arguments);

    /// <summary>The location of node <paramref name="index"/> of the GraphDef.</summary>
    public ModelLocation NodeLocation(string? nodeName, string? op, int index) =>
        ModelLocation.OfNode(FilePath, string.IsNullOrEmpty(nodeName) ? null : nodeName, string.IsNullOrEmpty(op) ? null : op, index);

    /// <summary>How messages name a node: <c>node 'dense/MatMul' (MatMul)</c> or <c>node #3 (MatMul)</c>.</summary>
    public static string Describe(string? nodeName, string? op, int index) => string.IsNullOrEmpty(nodeName)
        ? $"node #{index} ({op})"
        : $"node '{nodeName}' ({op})";
}
