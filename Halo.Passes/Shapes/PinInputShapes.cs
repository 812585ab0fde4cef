using System.Collections.Immutable;
using Halo.Core.Compilation;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Passes.Folding;
using Halo.Passes.Inference;

namespace Halo.Passes.Shapes;

/// <summary>
/// HALO's <c>--batch-size</c> and <c>--input-shape</c>: gives graph inputs the requested shapes, then re-infers the
/// graph and folds what became constant (Shape → Gather → Concat → Reshape targets...) until nothing changes, so
/// downstream shapes become static. Bad options are errors (HALO3101-HALO3104) and leave the model unchanged.
/// </summary>
/// <param name="options">The batch size and input shapes.</param>
public sealed class PinInputShapes(InputShapeOptions options) : IGraphPass
{
    /// <summary>HALO3101: an <c>--input-shape</c> value is not <c>NAME:D0xD1x...</c>.</summary>
    public static readonly DiagnosticDescriptor InvalidInputShape = new("HALO3101", "Invalid input shape",
        "Input shape '{0}' is not of the form NAME:D0xD1x... (for example data:1x3x224x224)",
        DiagnosticCategory.Pass, DiagnosticSeverity.Error);

    /// <summary>HALO3102: an <c>--input-shape</c> names no graph input.</summary>
    public static readonly DiagnosticDescriptor UnknownInput = new("HALO3102", "Unknown input",
        "Input shape '{0}' names no graph input; the inputs are: {1}",
        DiagnosticCategory.Pass, DiagnosticSeverity.Error);

    /// <summary>HALO3103: an <c>--input-shape</c> has another rank than the input.</summary>
    public static readonly DiagnosticDescriptor RankMismatch = new("HALO3103", "Input shape rank mismatch",
        "Input shape '{0}' has rank {1} but input '{2}' is declared {3}; give {4} sizes",
        DiagnosticCategory.Pass, DiagnosticSeverity.Error);

    /// <summary>HALO3104: the batch size is not positive.</summary>
    public static readonly DiagnosticDescriptor InvalidBatchSize = new("HALO3104", "Invalid batch size",
        "Batch size {0} must be a positive integer", DiagnosticCategory.Pass, DiagnosticSeverity.Error);

    /// <summary>HALO3105: after pinning, an operation's inference rejected the new shapes.</summary>
    public static readonly DiagnosticDescriptor ReinferenceFailed = new("HALO3105", "Shape inference failed after pinning input shapes",
        "With the pinned input shapes, inference failed: {0}; check the shapes given to --input-shape/--batch-size",
        DiagnosticCategory.Pass, DiagnosticSeverity.Warning);

    /// <summary>Re-inference and folding alternate at most this many times (each round resolves one more level of
    /// shape computations; real models need two or three).</summary>
    private const int MaxRounds = 16;

    private readonly InputShapeOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <inheritdoc />
    public string Name => "pin-input-shapes";

    /// <inheritdoc />
    public PassStage Stage => PassStage.Canonicalize;

    /// <inheritdoc />
    public HaloModel Run(HaloModel model, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        var graph = model.Graph;
        var file = ModelLocation.OfFile(model.SourcePath);
        if (_options.BatchSize is <= 0)
        {
            context.Report(InvalidBatchSize, file, _options.BatchSize);
            return model;
        }
        var types = graph.Inputs.Select(i => i.Type).ToArray();
        if (_options.BatchSize is long batch)
        {
            for (int i = 0; i < types.Length; i++)
            {
                if (types[i] is TensorType { Shape.IsRanked: true, Shape.Rank: > 0 } t)
                {
                    types[i] = t.WithShape(Shape.Of(t.Shape.Dimensions.SetItem(0, Dimension.Of(batch))));
                }
            }
        }
        else if (_options.UnknownBatchAsOne)
        {
            var named = (_options.Shapes.IsDefault ? [] : _options.Shapes).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
            for (int i = 0; i < types.Length; i++)
            {
                if (types[i] is TensorType { Shape.IsRanked: true, Shape.Rank: > 0 } t && !t.Shape.Dimensions[0].IsStatic
                    && t.Shape.Dimensions.Skip(1).All(d => d.IsStatic) && !named.Contains(graph.NameOf(graph.Inputs[i].Output(0)) ?? string.Empty))
                {
                    types[i] = t.WithShape(Shape.Of(t.Shape.Dimensions.SetItem(0, Dimension.Of(1))));
                }
            }
        }
        if (!ApplyShapes(graph, types, file, context))
        {
            return model;
        }
        var inputs = graph.Inputs.Select((input, i) => input.WithType(types[i])).ToImmutableArray();
        var replacements = new Dictionary<ValueRef, ValueRef>();
        for (int i = 0; i < inputs.Length; i++)
        {
            if (!ReferenceEquals(inputs[i], graph.Inputs[i]))
            {
                replacements[graph.Inputs[i].Output(0)] = inputs[i].Output(0);
            }
        }
        if (replacements.Count == 0)
        {
            return model;
        }
        return model.WithGraph(Settle(ValueReplacer.Replace(graph, inputs, replacements), model, context));
    }

    private bool ApplyShapes(Graph graph, IrType[] types, ModelLocation file, PassContext context)
    {
        bool ok = true;
        foreach (var shape in _options.Shapes.IsDefault ? [] : _options.Shapes)
        {
            int index = IndexOfInput(graph, shape.Name);
            if (index < 0)
            {
                context.Report(UnknownInput, file, shape, string.Join(", ", graph.Inputs.Select(i => graph.NameOf(i.Output(0)) ?? "?")));
                ok = false;
                continue;
            }
            var declared = types[index] as TensorType ?? new TensorType(ElementType.Undefined, Shape.Unranked);
            if (declared.Shape.IsRanked && declared.Shape.Rank != shape.Dimensions.Length)
            {
                context.Report(RankMismatch, file with { NodeName = shape.Name }, shape, shape.Dimensions.Length, shape.Name,
                    graph.Inputs[index].Type, declared.Shape.Rank);
                ok = false;
                continue;
            }
            types[index] = declared.WithShape(Shape.Of(shape.Dimensions.AsSpan()));
        }
        return ok;
    }

    private static int IndexOfInput(Graph graph, string name)
    {
        for (int i = 0; i < graph.Inputs.Length; i++)
        {
            if (graph.NameOf(graph.Inputs[i].Output(0)) == name)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Alternates re-inference and constant folding until the graph stops changing.</summary>
    private static Graph Settle(Graph graph, HaloModel model, PassContext context)
    {
        var errors = new List<string>();
        for (int round = 0; round < MaxRounds; round++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var reinferrer = new TypeReinferrer(context.Registry);
            var inferred = reinferrer.Rewrite(graph);
            errors = [.. reinferrer.Errors];
            var folded = new ConstantFolder(context.Registry).Rewrite(inferred);
            if (ReferenceEquals(folded, graph))
            {
                break;
            }
            graph = folded;
        }
        foreach (string error in errors.Distinct(StringComparer.Ordinal))
        {
            context.Report(ReinferenceFailed, ModelLocation.OfFile(model.SourcePath), error);
        }
        return graph;
    }
}
