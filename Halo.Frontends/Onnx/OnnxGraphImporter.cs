using System.Collections.Immutable;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Frontends.Diagnostics;
using Halo.Frontends.Onnx.Protos;

namespace Halo.Frontends.Onnx;

/// <summary>
/// Imports one <see cref="GraphProto"/> (the main graph or a subgraph) into a <see cref="Graph"/>:
/// initializers and inputs, function inlining, a topological sort of the nodes, operations with inferred
/// types merged with declared ones, captures of enclosing values, and the name and location side tables.
/// One instance per graph.
/// </summary>
internal sealed partial class OnnxGraphImporter
{
    private readonly OnnxImportContext _context;
    private readonly OnnxScope _scope;
    private readonly string? _subgraphPath;
    private readonly IReadOnlyDictionary<string, long> _opsets;
    private readonly ImmutableArray<GreenInput>.Builder _inputs = ImmutableArray.CreateBuilder<GreenInput>();
    private readonly ImmutableDictionary<ValueRef, string>.Builder _valueNames = ImmutableDictionary.CreateBuilder<ValueRef, string>();
    private readonly ImmutableDictionary<GreenNode, string>.Builder _nodeNames = ImmutableDictionary.CreateBuilder<GreenNode, string>();
    private readonly ImmutableDictionary<GreenNode, ModelLocation>.Builder _locations = ImmutableDictionary.CreateBuilder<GreenNode, ModelLocation>();
    private readonly Dictionary<string, IrType> _declared = new(StringComparer.Ordinal);

    /// <summary>An importer for one graph; <paramref name="opsets"/> are those its nodes resolve in (the model's,
    /// or for a subgraph inside an inlined function, the function's).</summary>
    public OnnxGraphImporter(OnnxImportContext context, OnnxScope? outer, string? subgraphPath,
        IReadOnlyDictionary<string, long> opsets)
    {
        _opsets = opsets;
        _context = context;
        _scope = new OnnxScope(outer);
        _scope.CaptureCreated = (name, value) => _valueNames[value] = name;
        _subgraphPath = subgraphPath;
    }

    private bool IsSubgraph => _scope.Parent is not null;

    /// <summary>The graph; problems are reported to the context and leave placeholders of unknown type.</summary>
    public Graph Import(GraphProto graph)
    {
        AddInitializers(graph);
        AddInputs(graph);
        CollectDeclaredTypes(graph);
        var usedNames = OnnxGraphRewriter.DefinedNames(graph);
        usedNames.UnionWith(graph.Node.SelectMany(n => n.Input));
        var sites = new OnnxFunctionInliner(_context).Expand(graph.Node, usedNames, _opsets, _subgraphPath);
        foreach (var site in Sort(sites))
        {
            _context.CancellationToken.ThrowIfCancellationRequested();
            BuildNode(site);
        }
        var outputs = ImmutableArray.CreateBuilder<ValueRef>(graph.Output.Count);
        foreach (var output in graph.Output)
        {
            var value = Resolve(output.Name, "the graph outputs", _context.FileLocation with { SubgraphPath = _subgraphPath });
            if (!value.IsNone)
            {
                outputs.Add(value);
                _valueNames.TryAdd(value, output.Name);
            }
        }
        string name = graph.HasName && graph.Name.Length > 0 ? graph.Name : IsSubgraph ? "subgraph" : "main";
        return Graph.Create(name, _inputs.ToImmutable(), outputs.ToImmutable(), _valueNames.ToImmutable(),
            _nodeNames.ToImmutable(), _locations.ToImmutable());
    }

    private void AddInitializers(GraphProto graph)
    {
        var location = _context.FileLocation with { SubgraphPath = _subgraphPath };
        foreach (var tensor in graph.Initializer)
        {
            if (string.IsNullOrEmpty(tensor.Name))
            {
                _context.Report(FrontendDiagnostics.InvalidTensor, location, "(unnamed)", "initializers must have a name");
                continue;
            }
            var data = OnnxTensorConverter.ToTensorData(tensor, _context, location);
            Define(tensor.Name, data is null ? Poison() : new GreenConstant(data).Output(0), "an initializer", location);
        }
        foreach (var sparse in graph.SparseInitializer)
        {
            string? name = sparse.Values?.Name;
            if (string.IsNullOrEmpty(name))
            {
                _context.Report(FrontendDiagnostics.InvalidTensor, location, "(sparse)", "sparse initializers must name their values");
                continue;
            }
            var data = OnnxTensorConverter.ToSparseData(sparse, _context, location);
            Define(name, data is null ? Poison() : new GreenConstant(data).Output(0), "a sparse initializer", location);
        }
    }

    private void AddInputs(GraphProto graph)
    {
        var location = _context.FileLocation with { SubgraphPath = _subgraphPath };
        foreach (var info in graph.Input)
        {
            if (string.IsNullOrEmpty(info.Name))
            {
                _context.Report(FrontendDiagnostics.MalformedModel, location, _context.FilePath ?? "model", "ONNX",
                    "a graph input has no name");
                continue;
            }
            var type = OnnxTypeConverter.ToIrType(info.Type, info.Name, _context, location);
            if (_scope.TryGetLocal(info.Name, out var existing) && existing.Producer is GreenConstant)
            {
                // ONNX: an input with an initializer of the same name is a constant (the initializer is its default).
                continue;
            }
            var input = new GreenInput(type);
            if (Define(info.Name, input.Output(0), "a graph input", location))
            {
                _inputs.Add(input);
            }
        }
    }

    private void CollectDeclaredTypes(GraphProto graph)
    {
        var location = _context.FileLocation with { SubgraphPath = _subgraphPath };
        foreach (var info in graph.ValueInfo.Concat(graph.Output))
        {
            if (info.Type is not null && !string.IsNullOrEmpty(info.Name) && !_declared.ContainsKey(info.Name))
            {
                _declared[info.Name] = OnnxTypeConverter.ToIrType(info.Type, info.Name, _context, location);
            }
        }
    }

    /// <summary>Defines a value and names it; a second definition is reported (HALO1006) and ignored.</summary>
    private bool Define(string name, ValueRef value, string definer, ModelLocation location)
    {
        if (!_scope.TryDefine(name, value))
        {
            _context.Report(FrontendDiagnostics.DuplicateValue, location, name, definer);
            return false;
        }
        _valueNames[value] = name;
        return true;
    }

    /// <summary>The value named <paramref name="name"/>: a local one, or a capture of an enclosing graph's value.
    /// An unknown name is reported once and then stands for a placeholder.</summary>
    private ValueRef Resolve(string name, string user, ModelLocation location)
    {
        if (name.Length == 0)
        {
            return ValueRef.None;
        }
        if (_scope.TryGetLocal(name, out var value))
        {
            return value;
        }
        if (_scope.Parent is not null && _scope.Parent.TryResolveForSubgraph(name, out var outer))
        {
            value = new GreenCapture(name, outer.Type).Output(0);
        }
        else
        {
            if (IsSubgraph)
            {
                _context.Report(CoreDiagnostics.UnresolvedCapture, location, name);
            }
            else
            {
                _context.Report(FrontendDiagnostics.UndefinedValue, location, name, user);
            }
            value = Poison();
        }
        _scope.TryDefine(name, value);
        _valueNames[value] = name;
        return value;
    }

    /// <summary>A stand-in of unknown type for a value whose definition failed (already reported), so that its
    /// users do not repeat the error.</summary>
    private static ValueRef Poison(IrType? type = null) => new GreenInput(type ?? IrType.Unknown).Output(0);
}
