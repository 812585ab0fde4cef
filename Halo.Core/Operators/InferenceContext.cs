using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;

namespace Halo.Core.Operators;

/// <summary>
/// What a <see cref="ShapeInferenceFunction"/> sees of one operation: its operand types and constant
/// operand values, its attributes (with schema defaults), and the output types to refine.
/// </summary>
public sealed class InferenceContext
{
    private readonly ImmutableArray<ValueRef> _inputs;
    private readonly IrType[] _outputs;
    private readonly List<string> _errors = [];

    internal InferenceContext(OperatorSchema schema, ImmutableArray<ValueRef> inputs, AttributeMap attributes, IrType[] outputs)
    {
        Schema = schema;
        _inputs = inputs;
        Attributes = attributes;
        _outputs = outputs;
    }

    /// <summary>The operator schema.</summary>
    public OperatorSchema Schema { get; }

    /// <summary>The attributes as given (without defaults).</summary>
    public AttributeMap Attributes { get; }

    /// <summary>The number of actual operands, omitted optional ones included.</summary>
    public int InputCount => _inputs.Length;

    /// <summary>The number of results.</summary>
    public int OutputCount => _outputs.Length;

    /// <summary>Errors reported so far.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Whether operand <paramref name="index"/> is present (not omitted).</summary>
    public bool HasInput(int index) => index >= 0 && index < _inputs.Length && !_inputs[index].IsNone;

    /// <summary>The type of operand <paramref name="index"/>, or null when omitted.</summary>
    public IrType? InputType(int index) => HasInput(index) ? _inputs[index].Type : null;

    /// <summary>The tensor type of operand <paramref name="index"/>, or null when omitted or not a tensor.</summary>
    public TensorType? InputTensor(int index) => InputType(index) as TensorType;

    /// <summary>The shape of tensor operand <paramref name="index"/>; unranked when unknown.</summary>
    public Shape InputShape(int index) => InputTensor(index)?.Shape ?? Shape.Unranked;

    /// <summary>The element type of tensor operand <paramref name="index"/>; undefined when unknown.</summary>
    public ElementType InputElementType(int index) => InputTensor(index)?.ElementType ?? ElementType.Undefined;

    /// <summary>The value of operand <paramref name="index"/> when it is a constant (a constant node or a
    /// <c>Constant</c> operation with a <c>value</c> tensor), else null.</summary>
    public TensorData? InputConstant(int index)
    {
        if (!HasInput(index))
        {
            return null;
        }
        return _inputs[index].Producer switch
        {
            GreenConstant c => c.Data,
            GreenOp { Operator.Name: "Constant", Operator.Domain: "" } op => ConstantAttributeValue(op.Attributes),
            _ => null,
        };
    }

    /// <summary>The tensor a <c>Constant</c> operation produces from its <c>value*</c> attribute, or null.</summary>
    private static TensorData? ConstantAttributeValue(AttributeMap attributes)
    {
        if (attributes.Count != 1)
        {
            return null;
        }
        var (name, v) = attributes.First();
        return (name, v.Kind) switch
        {
            ("value", AttributeKind.Tensor) => v.AsTensor(),
            ("value_int", AttributeKind.Int) => TensorData.FromInt64s([v.AsInt()]),
            ("value_ints", AttributeKind.Ints) => TensorData.FromInt64s(v.AsInts().AsSpan(), v.AsInts().Length),
            ("value_float", AttributeKind.Float) => TensorData.FromFloats([v.AsFloat()]),
            ("value_floats", AttributeKind.Floats) => TensorData.FromFloats(v.AsFloats().AsSpan(), v.AsFloats().Length),
            _ => null,
        };
    }

    /// <summary>The integer values of constant operand <paramref name="index"/> (any integer type), or null.</summary>
    public long[]? InputInts(int index) => InputConstant(index) is { } data ? TensorValues.ToInt64Array(data) : null;

    /// <summary>The attribute <paramref name="name"/>, or the schema default, or null.</summary>
    public AttributeValue? Attr(string name) => Schema.ResolveAttribute(Attributes, name);

    /// <summary>Integer attribute or default.</summary>
    public long GetInt(string name, long fallback) => Attr(name) is { Kind: AttributeKind.Int } v ? v.AsInt() : fallback;

    /// <summary>Float attribute or default.</summary>
    public float GetFloat(string name, float fallback) => Attr(name) is { Kind: AttributeKind.Float } v ? v.AsFloat() : fallback;

    /// <summary>String attribute or default.</summary>
    public string? GetString(string name, string? fallback) => Attr(name) is { Kind: AttributeKind.String } v ? v.AsString() : fallback;

    /// <summary>Integer list attribute or default, or null.</summary>
    public ImmutableArray<long>? GetInts(string name) => Attr(name) is { Kind: AttributeKind.Ints } v ? v.AsInts() : null;

    /// <summary>Subgraph attribute, or null.</summary>
    public Graph? GetGraph(string name) => Attr(name) is { Kind: AttributeKind.Graph } v ? v.AsGraph() : null;

    /// <summary>The current type of result <paramref name="index"/>.</summary>
    public IrType OutputType(int index) => _outputs[index];

    /// <summary>Sets the type of result <paramref name="index"/> (ignored when out of range).</summary>
    public void SetOutput(int index, IrType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (index >= 0 && index < _outputs.Length)
        {
            _outputs[index] = type;
        }
    }

    /// <summary>Sets result <paramref name="index"/> to a tensor of <paramref name="elementType"/> and <paramref name="shape"/>.</summary>
    public void SetOutput(int index, ElementType elementType, Shape shape) => SetOutput(index, new TensorType(elementType, shape));

    /// <summary>Sets the shape of tensor result <paramref name="index"/>, keeping its element type (ignored when out of range).</summary>
    public void SetOutputShape(int index, Shape shape)
    {
        if (index < 0 || index >= _outputs.Length)
        {
            return;
        }
        var et = _outputs[index] is TensorType t ? t.ElementType : ElementType.Undefined;
        SetOutput(index, et, shape);
    }

    /// <summary>Reports an inconsistency (becomes HALO2005 at the node).</summary>
    public void Fail(string message) => _errors.Add(message);
}
