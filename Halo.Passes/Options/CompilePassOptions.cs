using Halo.Passes.Extraction;
using Halo.Passes.Fusion;
using Halo.Passes.Layout;
using Halo.Passes.Shapes;

namespace Halo.Passes.Options;

/// <summary>The graph options of <c>halo compile</c> (HALO's command-line options that select passes). The defaults
/// select no pass.</summary>
public sealed record CompilePassOptions
{
    /// <summary><c>--batch-size</c> and <c>--input-shape</c>.</summary>
    public InputShapeOptions InputShapes { get; init; } = new();

    /// <summary><c>--inputs</c> and <c>--outputs</c>.</summary>
    public SubgraphOptions Subgraph { get; init; } = new();

    /// <summary><c>--fuse-conv-bias</c> and <c>--fuse-matmul-bias</c>.</summary>
    public BiasFusionOptions BiasFusion { get; init; } = new();

    /// <summary><c>--reorder-data-layout</c> with <c>--remove-input-transpose</c>/<c>--remove-output-transpose</c>;
    /// null keeps the model's layout (HALO ignores the transpose options without a layout).</summary>
    public DataLayoutOptions? DataLayout { get; init; }

    /// <summary><c>--print-mem-stats</c>: not a pass; the caller prints
    /// <see cref="Analysis.MemoryStatistics.Compute"/> of the compiled graph.</summary>
    public bool PrintMemoryStatistics { get; init; }
}
