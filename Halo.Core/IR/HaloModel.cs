using System.Collections.Immutable;

namespace Halo.Core.IR;

/// <summary>An imported model: the main graph plus model-level facts (opset versions, producer, metadata).</summary>
public sealed record HaloModel
{
    /// <summary>Creates a model around <paramref name="graph"/>.</summary>
    public HaloModel(Graph graph) => Graph = graph ?? throw new ArgumentNullException(nameof(graph));

    /// <summary>The main graph.</summary>
    public Graph Graph { get; init; }

    /// <summary>Opset version per domain (empty key = ONNX default domain).</summary>
    public ImmutableSortedDictionary<string, long> OpsetImports { get; init; } =
        ImmutableSortedDictionary.Create<string, long>(StringComparer.Ordinal);

    /// <summary>The format's IR version (ONNX <c>ir_version</c>), or 0.</summary>
    public long IrVersion { get; init; }

    /// <summary>The producing tool and its version, or empty.</summary>
    public string Producer { get; init; } = string.Empty;

    /// <summary>The file the model came from, or null.</summary>
    public string? SourcePath { get; init; }

    /// <summary>Free-form metadata (ONNX <c>metadata_props</c>).</summary>
    public ImmutableSortedDictionary<string, string> Metadata { get; init; } =
        ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>This model with another graph.</summary>
    public HaloModel WithGraph(Graph graph) => ReferenceEquals(graph, Graph) ? this : this with { Graph = graph };
}
