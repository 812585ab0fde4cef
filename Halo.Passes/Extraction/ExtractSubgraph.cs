using System.Collections.Immutable;
using Halo.Core.Compilation;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Passes.Shapes;

namespace Halo.Passes.Extraction;

/// <summary>
/// HALO's <c>--inputs</c>/<c>--outputs</c>: keeps only the computation between the named values. Each named input
/// value becomes a graph input of its inferred type (a graph input named there stays as it is), the named outputs
/// replace the graph outputs, and nodes no output needs are dropped. A name that matches no value (or operation
/// node) is HALO3110 and leaves the model unchanged.
/// </summary>
/// <param name="options">The names of the new inputs and outputs.</param>
public sealed class ExtractSubgraph(SubgraphOptions options) : IGraphPass
{
    /// <summary>HALO3110: <c>--inputs</c> or <c>--outputs</c> names no value of the graph.</summary>
    public static readonly DiagnosticDescriptor UnknownValue = new("HALO3110", "Unknown value name",
        "--{0} names '{1}', which is no value or node of graph '{2}'; use the names that 'halo dump' shows",
        DiagnosticCategory.Pass, DiagnosticSeverity.Error);

    private readonly SubgraphOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <inheritdoc />
    public string Name => "extract-subgraph";

    /// <inheritdoc />
    public PassStage Stage => PassStage.Canonicalize;

    /// <inheritdoc />
    public HaloModel Run(HaloModel model, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        var graph = model.Graph;
        var byName = NamedValues(graph);
        var resolvedInputs = Resolve(_options.Inputs, "inputs", byName, model, context);
        var resolvedOutputs = Resolve(_options.Outputs, "outputs", byName, model, context);
        if (resolvedInputs is not { } inputs || resolvedOutputs is not { } outputs || _options.IsEmpty)
        {
            return model;
        }
        var newInputs = ImmutableArray.CreateBuilder<GreenInput>();
        var replacements = new Dictionary<ValueRef, ValueRef>();
        foreach (var value in inputs.Distinct())
        {
            if (value.Producer is GreenInput existing)
            {
                newInputs.Add(existing);
                continue;
            }
            var input = new GreenInput(value.Type);
            newInputs.Add(input);
            replacements[value] = input.Output(0);
        }
        var selected = outputs.Length == 0 ? graph : graph.WithOutputs(outputs);
        var kept = inputs.Length == 0 ? graph.Inputs : newInputs.ToImmutable();
        var extracted = ValueReplacer.Replace(selected, kept, replacements);
        // Graph inputs that the selected outputs still need stay inputs, after the named ones.
        var stillNeeded = extracted.TopologicalOrder.OfType<GreenInput>().Where(i => !kept.Contains(i)).ToHashSet();
        var final = ValueReplacer.Prune(extracted.WithInputs(kept.AddRange(graph.Inputs.Where(stillNeeded.Contains))));
        // An output selected by its node's name gets that name when its value has none.
        var names = final.ValueNames;
        for (int i = 0; i < outputs.Length; i++)
        {
            if (final.NameOf(final.Outputs[i]) is null)
            {
                names = names.SetItem(final.Outputs[i], _options.Outputs[i]);
            }
        }
        final = final.WithSideTables(names, final.NodeNames, final.Locations);
        return ReferenceEquals(final, graph) ? model : model.WithGraph(final);
    }

    /// <summary>Every live value by name; operation node names stand for their first output when no value has the name.</summary>
    private static Dictionary<string, ValueRef> NamedValues(Graph graph)
    {
        var live = graph.TopologicalOrder.ToHashSet();
        var byName = new Dictionary<string, ValueRef>(StringComparer.Ordinal);
        foreach (var (node, name) in graph.NodeNames)
        {
            if (live.Contains(node) && node.OutputTypes.Length > 0)
            {
                byName[name] = node.Output(0);
            }
        }
        foreach (var (value, name) in graph.ValueNames)
        {
            if (value.Producer is { } p && live.Contains(p))
            {
                byName[name] = value;
            }
        }
        return byName;
    }

    private static ImmutableArray<ValueRef>? Resolve(ImmutableArray<string> names, string option, Dictionary<string, ValueRef> byName,
        HaloModel model, PassContext context)
    {
        var result = ImmutableArray.CreateBuilder<ValueRef>();
        bool ok = true;
        foreach (string name in names.IsDefault ? [] : names)
        {
            if (byName.TryGetValue(name, out var value))
            {
                result.Add(value);
            }
            else
            {
                context.Report(UnknownValue, ModelLocation.OfFile(model.SourcePath) with { NodeName = name }, option, name, model.Graph.Name);
                ok = false;
            }
        }
        return ok ? result.ToImmutable() : null;
    }
}
