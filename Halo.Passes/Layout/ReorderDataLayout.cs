using System.Collections.Immutable;
using Halo.Core.Compilation;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Halo;
using Halo.Passes.Shapes;

namespace Halo.Passes.Layout;

/// <summary>
/// HALO's <c>--reorder-data-layout</c> with <c>--remove-input-transpose</c>/<c>--remove-output-transpose</c>.
/// Channel-last: ONNX Conv, MaxPool, AveragePool, GlobalAveragePool and BatchNormalization become their
/// <c>ai.halo</c> NHWC forms (weights stay OIHW), with transposes at the layout boundaries; elementwise operations
/// and Concat between them run in NHWC too, and inverse transposes cancel. Channel-first is the inverse: NHWC
/// <c>ai.halo</c> operations become ONNX ones, and the transposes an NHWC model (from TensorFlow) carries cancel.
/// Removing the input (output) transpose declares a rank-4 graph input (output) in the target layout instead.
/// </summary>
/// <param name="options">The target layout and which boundary transposes to remove.</param>
public sealed class ReorderDataLayout(DataLayoutOptions options) : IGraphPass
{
    /// <summary>HALO3120: a <c>--reorder-data-layout</c> value is neither channel-first nor channel-last.</summary>
    public static readonly DiagnosticDescriptor InvalidDataLayout = new("HALO3120", "Invalid data layout",
        "Data layout '{0}' is not supported; use channel-first or channel-last", DiagnosticCategory.Pass, DiagnosticSeverity.Error);

    private readonly DataLayoutOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <inheritdoc />
    public string Name => "reorder-data-layout";

    /// <inheritdoc />
    public PassStage Stage => PassStage.Lower;

    /// <summary>Parses <c>channel-first</c> or <c>channel-last</c> (case-insensitive); otherwise
    /// <paramref name="diagnostic"/> is HALO3120.</summary>
    public static bool TryParseDataLayout(string text, out DataLayout layout,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out Diagnostic? diagnostic)
    {
        ArgumentNullException.ThrowIfNull(text);
        diagnostic = null;
        switch (text.Trim().ToUpperInvariant())
        {
            case "CHANNEL-FIRST":
                layout = DataLayout.ChannelFirst;
                return true;
            case "CHANNEL-LAST":
                layout = DataLayout.ChannelLast;
                return true;
            default:
                layout = default;
                diagnostic = Diagnostic.Create(InvalidDataLayout, ModelLocation.None, text);
                return false;
        }
    }

    /// <inheritdoc />
    public HaloModel Run(HaloModel model, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        long opset = model.OpsetImports.TryGetValue(string.Empty, out long v) ? v : long.MaxValue;
        var graph = new LayoutConverter(context.Registry, _options.Target, opset).Rewrite(model.Graph);
        if (_options.RemoveInputTranspose)
        {
            graph = RemoveInputTransposes(graph);
        }
        if (_options.RemoveOutputTranspose)
        {
            graph = RemoveOutputTransposes(graph);
        }
        if (ReferenceEquals(graph, model.Graph))
        {
            return model;
        }
        graph = ValueReplacer.Prune(graph);
        bool usesHalo = graph.TopologicalOrder.OfType<GreenOp>().Any(o => o.Operator.Domain == HaloOperatorSet.Domain);
        var opsets = usesHalo ? model.OpsetImports.SetItem(HaloOperatorSet.Domain, HaloOperatorSet.Version)
            : model.OpsetImports.Remove(HaloOperatorSet.Domain);
        return model with { Graph = graph, OpsetImports = opsets };
    }

    private long[] IntoTarget(int rank) =>
        _options.Target == DataLayout.ChannelLast ? Transposes.ToChannelLast(rank) : Transposes.ToChannelFirst(rank);

    /// <summary>Inputs whose every user is a transpose into the target layout are declared in that layout.</summary>
    private Graph RemoveInputTransposes(Graph graph)
    {
        var inputs = graph.Inputs.ToBuilder();
        var replacements = new Dictionary<ValueRef, ValueRef>();
        var names = new List<(ValueRef Value, string Name)>();
        for (int i = 0; i < inputs.Count; i++)
        {
            if (graph.Inputs[i].Type is not TensorType { Shape: { IsRanked: true, Rank: >= 3 } shape } type)
            {
                continue;
            }
            long[] perm = IntoTarget(shape.Rank);
            var uses = graph.UsesOf(graph.Inputs[i]);
            if (uses.IsEmpty || !uses.All(u => Transposes.TryMatch(u.Consumer.Green.Output(0), out _, out var p) && p.SequenceEqual(perm)))
            {
                continue;
            }
            inputs[i] = new GreenInput(type.WithShape(Shape.Of(perm.Select(p => shape[(int)p]).ToImmutableArray())));
            foreach (var use in uses)
            {
                replacements[use.Consumer.Green.Output(0)] = inputs[i].Output(0);
            }
            if (graph.NameOf(graph.Inputs[i].Output(0)) is { } name)
            {
                names.Add((inputs[i].Output(0), name));
            }
        }
        if (replacements.Count == 0)
        {
            return graph;
        }
        var result = ValueReplacer.Replace(graph, inputs.MoveToImmutable(), replacements);
        var valueNames = names.Aggregate(result.ValueNames, (acc, n) => acc.SetItem(n.Value, n.Name));
        return result.WithSideTables(valueNames, result.NodeNames, result.Locations);
    }

    /// <summary>Outputs produced by a transpose out of the target layout are given in the target layout.</summary>
    private Graph RemoveOutputTransposes(Graph graph)
    {
        var outputs = graph.Outputs.ToBuilder();
        var valueNames = graph.ValueNames;
        for (int i = 0; i < outputs.Count; i++)
        {
            if (!Transposes.TryMatch(outputs[i], out var inner, out var perm) || inner.Producer is GreenInput
                || !perm.SequenceEqual(Transposes.Inverse(IntoTarget(perm.Length))) || graph.Outputs.Count(o => o == outputs[i]) > 1)
            {
                continue;
            }
            if (graph.NameOf(outputs[i]) is { } name)
            {
                valueNames = valueNames.Remove(outputs[i]).SetItem(inner, name);
            }
            outputs[i] = inner;
        }
        var result = graph.WithOutputs(outputs.MoveToImmutable());
        return ReferenceEquals(result, graph) ? graph : result.WithSideTables(valueNames, result.NodeNames, result.Locations);
    }
}
