using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.Operators;

namespace Halo.Core.Semantics;

/// <summary>What a <see cref="ReferenceKernel"/> sees of one operation: operand values, attributes with
/// schema defaults, the declared result types, a subgraph evaluator (If/Loop/Scan) and a seeded random source.</summary>
public sealed class EvaluationContext
{
    private readonly ImmutableArray<RuntimeValue?> _inputs;
    private readonly RuntimeValue?[] _outputs;
    private readonly Func<Graph, IReadOnlyList<RuntimeValue>, ImmutableArray<RuntimeValue>> _subgraph;
    private Random? _random;

    internal EvaluationContext(OperatorSchema schema, AttributeMap attributes, ImmutableArray<RuntimeValue?> inputs,
        ImmutableArray<IR.Types.IrType> outputTypes, Func<Graph, IReadOnlyList<RuntimeValue>, ImmutableArray<RuntimeValue>> subgraph)
    {
        Schema = schema;
        Attributes = attributes;
        _inputs = inputs;
        OutputTypes = outputTypes;
        _outputs = new RuntimeValue?[outputTypes.Length];
        _subgraph = subgraph;
    }

    /// <summary>The operator schema.</summary>
    public OperatorSchema Schema { get; }

    /// <summary>The attributes as given.</summary>
    public AttributeMap Attributes { get; }

    /// <summary>The declared (inferred) result types; element types are always what the result must have.</summary>
    public ImmutableArray<IR.Types.IrType> OutputTypes { get; }

    /// <summary>The number of actual operands, omitted ones included.</summary>
    public int InputCount => _inputs.Length;

    /// <summary>The number of results.</summary>
    public int OutputCount => _outputs.Length;

    /// <summary>Whether operand <paramref name="index"/> is present.</summary>
    public bool HasInput(int index) => index >= 0 && index < _inputs.Length && _inputs[index] is not null;

    /// <summary>Operand <paramref name="index"/>, or null when omitted.</summary>
    public RuntimeValue? Input(int index) => HasInput(index) ? _inputs[index] : null;

    /// <summary>Tensor operand <paramref name="index"/>; fails when omitted or not a tensor.</summary>
    public TensorData Tensor(int index) => Input(index) is TensorValue t ? t.Data
        : throw new EvaluationException($"{Schema.Id}: operand {index} must be a tensor");

    /// <summary>Tensor operand <paramref name="index"/>, or null when omitted.</summary>
    public TensorData? OptionalTensor(int index) => Input(index) is TensorValue t ? t.Data : null;

    /// <summary>The attribute, or the schema default, or null.</summary>
    public AttributeValue? Attr(string name) => Schema.ResolveAttribute(Attributes, name);

    /// <summary>Integer attribute or default.</summary>
    public long GetInt(string name, long fallback) => Attr(name) is { Kind: AttributeKind.Int } v ? v.AsInt() : fallback;

    /// <summary>Float attribute or default.</summary>
    public float GetFloat(string name, float fallback) => Attr(name) is { Kind: AttributeKind.Float } v ? v.AsFloat() : fallback;

    /// <summary>String attribute or default.</summary>
    public string? GetString(string name, string? fallback) => Attr(name) is { Kind: AttributeKind.String } v ? v.AsString() : fallback;

    /// <summary>Integer list attribute, or null.</summary>
    public ImmutableArray<long>? GetInts(string name) => Attr(name) is { Kind: AttributeKind.Ints } v ? v.AsInts() : null;

    /// <summary>Subgraph attribute, or null.</summary>
    public Graph? GetGraph(string name) => Attr(name) is { Kind: AttributeKind.Graph } v ? v.AsGraph() : null;

    /// <summary>A random source seeded by the <c>seed</c> attribute (float or int) when present (deterministic),
    /// else by the clock.</summary>
    public Random Random => _random ??= Attr("seed") switch
    {
        { Kind: AttributeKind.Float } s => new Random(BitConverter.SingleToInt32Bits(s.AsFloat())),
        { Kind: AttributeKind.Int } s => new Random(unchecked((int)s.AsInt())),
        _ => new Random(),
    };

    /// <summary>Evaluates a subgraph (If branch, Loop/Scan body) with <paramref name="inputs"/>; outer values
    /// it captures resolve in the enclosing scopes.</summary>
    public ImmutableArray<RuntimeValue> EvaluateSubgraph(Graph body, IReadOnlyList<RuntimeValue> inputs) => _subgraph(body, inputs);

    /// <summary>Sets result <paramref name="index"/>.</summary>
    public void SetOutput(int index, RuntimeValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (index >= 0 && index < _outputs.Length)
        {
            _outputs[index] = value;
        }
    }

    /// <summary>Sets tensor result <paramref name="index"/>.</summary>
    public void SetOutput(int index, TensorData data) => SetOutput(index, new TensorValue(data));

    /// <summary>Stops the evaluation: the operands cannot produce a result.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public void Fail(string message) => throw new EvaluationException($"{Schema.Id}: {message}");

    internal RuntimeValue?[] Outputs => _outputs;
}
