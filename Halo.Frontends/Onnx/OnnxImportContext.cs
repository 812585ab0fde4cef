using System.Collections.Frozen;
using Halo.Core.Diagnostics;
using Halo.Core.Operators;
using Halo.Frontends.Onnx.Protos;

namespace Halo.Frontends.Onnx;

/// <summary>The state of one model import: registry, model-level opsets, model-local functions and a
/// graph-independent counter for unique names. Not thread-safe; one per import.</summary>
internal sealed class OnnxImportContext : OnnxReadContext
{
    private int _uniqueCounter;

    public OnnxImportContext(string? filePath, OperatorRegistry registry, DiagnosticBag diagnostics,
        CancellationToken cancellationToken)
        : base(filePath, diagnostics, cancellationToken) => Registry = registry;

    public OperatorRegistry Registry { get; }

    /// <summary>Opset version per normalized domain (empty = ONNX default domain).</summary>
    public IReadOnlyDictionary<string, long> Opsets { get; set; } = FrozenDictionary<string, long>.Empty;

    /// <summary>Model-local functions by (normalized domain, name, overload).</summary>
    public IReadOnlyDictionary<(string Domain, string Name, string Overload), FunctionProto> Functions { get; set; } =
        FrozenDictionary<(string, string, string), FunctionProto>.Empty;

    /// <summary>A fresh number for unique names.</summary>
    public int NextUnique() => ++_uniqueCounter;

    /// <summary>The location of a node; <paramref name="subgraphPath"/> names enclosing subgraph attributes.</summary>
    public ModelLocation NodeLocation(string? nodeName, string? opType, int index, string? subgraphPath) =>
        ModelLocation.OfNode(FilePath, string.IsNullOrEmpty(nodeName) ? null : nodeName, opType, index) with
        {
            SubgraphPath = subgraphPath,
        };

    /// <summary>How messages name a node: <c>node 'conv1' (Conv)</c> or <c>node #3 (Conv)</c>.</summary>
    public static string Describe(string? nodeName, string? opType, int index) => string.IsNullOrEmpty(nodeName)
        ? $"node #{index} ({opType})"
        : $"node '{nodeName}' ({opType})";
}
