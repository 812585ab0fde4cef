using System.Collections.Immutable;
using System.CommandLine;
using Halo.Core.Diagnostics;
using Halo.Passes.Extraction;
using Halo.Passes.Fusion;
using Halo.Passes.Layout;
using Halo.Passes.Options;
using Halo.Passes.Shapes;

namespace Halo.Cli.Commands;

/// <summary>HALO's graph options of <c>halo compile</c> (shapes, sub-graph, fusion, layout, memory statistics), parsed
/// into the passes' <see cref="CompilePassOptions"/>.</summary>
internal sealed class CompileGraphOptions
{
    private readonly Option<long?> _batchSize = new("--batch-size") { Description = "Override the first (batch) dimension of every input" };
    private readonly Option<string[]> _inputShape = new("--input-shape") { Description = "Override an input's shape, e.g. --input-shape=x:1x3x224x224 (repeatable)", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string[]> _inputs = new("--inputs") { Description = "Compile only the sub-graph from these values (comma-separated or repeated)" };
    private readonly Option<string[]> _outputs = new("--outputs") { Description = "Compile only the sub-graph up to these values (comma-separated or repeated); by default the model's outputs" };
    private readonly Option<string?> _layout = new("--reorder-data-layout") { Description = "channel-first or channel-last: the data layout of the generated convolutions and pools" };
    private readonly Option<bool> _removeInputTranspose = new("--remove-input-transpose") { Description = "With --reorder-data-layout, take inputs in the new layout (no transpose at the inputs)" };
    private readonly Option<bool> _removeOutputTranspose = new("--remove-output-transpose") { Description = "With --reorder-data-layout, return outputs in the new layout (no transpose at the outputs)" };
    private readonly Option<bool> _fuseConvBias = new("--fuse-conv-bias") { Description = "Fuse a Conv and the Add of a per-channel constant into one convolution with bias" };
    private readonly Option<bool> _fuseMatMulBias = new("--fuse-matmul-bias") { Description = "Fuse a MatMul and the Add of a constant row into one Gemm with bias" };
    private readonly Option<bool> _printMemStats = new("--print-mem-stats") { Description = "Print the estimated memory use (weights, peak activations, inputs, outputs)" };

    /// <summary>All options, to add to the command.</summary>
    public IEnumerable<Option> All => [_batchSize, _inputShape, _inputs, _outputs, _layout, _removeInputTranspose,
        _removeOutputTranspose, _fuseConvBias, _fuseMatMulBias, _printMemStats];

    /// <summary>Reads the parsed options; malformed values go to <paramref name="diagnostics"/> and give null.</summary>
    public CompilePassOptions? Read(ParseResult parse, DiagnosticBag diagnostics)
    {
        var shapes = ImmutableArray.CreateBuilder<InputShape>();
        foreach (string text in parse.GetValue(_inputShape) ?? [])
        {
            if (InputShapeParser.TryParse(text, out var shape, out var diagnostic))
            {
                shapes.Add(shape);
            }
            else
            {
                diagnostics.Add(diagnostic);
            }
        }
        DataLayoutOptions? layout = null;
        if (parse.GetValue(_layout) is { } layoutText)
        {
            if (ReorderDataLayout.TryParseDataLayout(layoutText, out var target, out var diagnostic))
            {
                layout = new DataLayoutOptions
                {
                    Target = target,
                    RemoveInputTranspose = parse.GetValue(_removeInputTranspose),
                    RemoveOutputTranspose = parse.GetValue(_removeOutputTranspose),
                };
            }
            else
            {
                diagnostics.Add(diagnostic);
            }
        }
        if (diagnostics.HasErrors)
        {
            return null;
        }
        return new CompilePassOptions
        {
            InputShapes = new InputShapeOptions { BatchSize = parse.GetValue(_batchSize), Shapes = shapes.ToImmutable() },
            Subgraph = new SubgraphOptions { Inputs = SplitNames(parse.GetValue(_inputs)), Outputs = SplitNames(parse.GetValue(_outputs)) },
            BiasFusion = new BiasFusionOptions { ConvBias = parse.GetValue(_fuseConvBias), MatMulBias = parse.GetValue(_fuseMatMulBias) },
            DataLayout = layout,
            PrintMemoryStatistics = parse.GetValue(_printMemStats),
        };
    }

    private static ImmutableArray<string> SplitNames(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
