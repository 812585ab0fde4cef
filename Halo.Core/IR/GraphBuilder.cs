using System.Collections.Immutable;
using Halo.Core.Diagnostics;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators;

namespace Halo.Core.IR;

/// <summary>
/// Builds a <see cref="Graph"/> step by step: inputs, constants and operations (with type and shape
/// inference from the operator registry), names, locations and outputs. Not thread-safe; one builder per graph.
/// </summary>
public sealed class GraphBuilder
{
    private readonly ImmutableArray<GreenInput>.Builder _inputs = ImmutableArray.CreateBuilder<GreenInput>();
    private readonly ImmutableArray<ValueRef>.Builder _outputs = ImmutableArray.CreateBuilder<ValueRef>();
    private readonly ImmutableDictionary<ValueRef, string>.Builder _valueNames = ImmutableDictionary.CreateBuilder<ValueRef, string>();
    private readonly ImmutableDictionary<GreenNode, string>.Builder _nodeNames = ImmutableDictionary.CreateBuilder<GreenNode, string>();
    private readonly ImmutableDictionary<GreenNode, ModelLocation>.Builder _locations = ImmutableDictionary.CreateBuilder<GreenNode, ModelLocation>();
    private readonly IReadOnlyDictionary<string, long> _opsets;
    private readonly DiagnosticBag _diagnostics = new();

    /// <summary>Creates a builder.</summary>
    /// <param name="registry">Operator schemas; null for <see cref="OperatorRegistry.Default"/>.</param>
    /// <param name="opsets">Opset version per domain (empty key = ONNX default domain); a domain not
    /// listed resolves to its newest operator versions.</param>
    public GraphBuilder(OperatorRegistry? registry = null, IReadOnlyDictionary<string, long>? opsets = null)
    {
        Registry = registry ?? OperatorRegistry.Default;
        _opsets = opsets ?? new Dictionary<string, long>();
    }

    /// <summary>The operator registry used to resolve and infer operations.</summary>
    public OperatorRegistry Registry { get; }

    /// <summary>Problems found while adding operations (unknown operators, inference errors).</summary>
    public ImmutableArray<Diagnostic> Diagnostics => _diagnostics.ToImmutable();

    /// <summary>Adds a graph input.</summary>
    public ValueRef AddInput(string name, IrType type)
    {
        var input = new GreenInput(type);
        _inputs.Add(input);
        return Named(input.Output(0), name);
    }

    /// <summary>Adds a constant.</summary>
    public ValueRef AddConstant(string? name, TensorData data) => Named(new GreenConstant(data).Output(0), name);

    /// <summary>Adds a reference to a value of an enclosing graph (inside a subgraph).</summary>
    public ValueRef AddCapture(string outerName, IrType type) => Named(new GreenCapture(outerName, type).Output(0), outerName);

    /// <summary>
    /// Adds an operation of operator <paramref name="opType"/> in <paramref name="domain"/> (default: ONNX)
    /// at the builder's opset, inferring output types. An unknown operator or failed inference is reported in
    /// <see cref="Diagnostics"/>; an unknown operator yields outputs of unknown type.
    /// </summary>
    public ImmutableArray<ValueRef> AddOp(string opType, ImmutableArray<ValueRef> inputs, AttributeMap? attributes = null,
        int outputCount = 1, string? domain = null, string? nodeName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(opType);
        attributes ??= AttributeMap.Empty;
        domain = OperatorId.NormalizeDomain(domain);
        long opset = _opsets.TryGetValue(domain, out long v) ? v : long.MaxValue;
        var location = new ModelLocation { NodeName = nodeName, Operator = opType };
        GreenOp op;
        if (Registry.TryResolve(domain, opType, opset, out var schema))
        {
            op = OperatorRegistry.CreateOp(schema, inputs, attributes, outputCount, out var errors);
            foreach (string e in errors)
            {
                _diagnostics.Report(CoreDiagnostics.ShapeInferenceFailed, location, opType, e);
            }
        }
        else
        {
            _diagnostics.Report(CoreDiagnostics.UnknownOperator, location, opType, domain, opset == long.MaxValue ? "latest" : opset);
            op = GreenOp.Create(new OperatorId(domain, opType, 0), inputs, attributes,
                [.. Enumerable.Repeat<IrType>(IrType.Unknown, outputCount)]);
        }
        if (nodeName is not null)
        {
            _nodeNames[op] = nodeName;
        }
        return [.. Enumerable.Range(0, outputCount).Select(op.Output)];
    }

    /// <summary>Adds a single-output operation; see <see cref="AddOp(string, ImmutableArray{ValueRef}, AttributeMap?, int, string?, string?)"/>.</summary>
    public ValueRef AddOp(string opType, params ValueRef[] inputs) =>
        AddOp(opType, ImmutableArray.Create(inputs), attributes: null, outputCount: 1, domain: null, nodeName: null)[0];

    /// <summary>Names a value (replacing an earlier name).</summary>
    public ValueRef Named(ValueRef value, string? name)
    {
        if (!string.IsNullOrEmpty(name))
        {
            _valueNames[value] = name;
        }
        return value;
    }

    /// <summary>Names an operation node.</summary>
    public void SetNodeName(GreenNode node, string name) => _nodeNames[node] = name;

    /// <summary>Sets the source location of a node.</summary>
    public void SetLocation(GreenNode node, ModelLocation location) => _locations[node] = location;

    /// <summary>Appends a graph output.</summary>
    public void AddOutput(ValueRef value, string? name = null)
    {
        if (value.IsNone)
        {
            throw new ArgumentException("An omitted value cannot be a graph output.", nameof(value));
        }
        _outputs.Add(Named(value, name));
    }

    /// <summary>Builds the graph.</summary>
    public Graph Build(string name = "main") => Graph.Create(name, _inputs.ToImmutable(), _outputs.ToImmutable(),
        _valueNames.ToImmutable(), _nodeNames.ToImmutable(), _locations.ToImmutable());
}
