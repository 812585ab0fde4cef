using System.Collections.Immutable;
using Halo.Core.IR.Types;

namespace Halo.Core.IR.Attributes;

/// <summary>An immutable attribute value: a scalar, string, tensor, graph or type, or a list of one of those.</summary>
public sealed class AttributeValue
{
    private readonly object _value;

    private AttributeValue(AttributeKind kind, object value)
    {
        Kind = kind;
        _value = value;
    }

    /// <summary>The kind of the value.</summary>
    public AttributeKind Kind { get; }

    /// <summary>A float.</summary>
    public static AttributeValue FromFloat(float value) => new(AttributeKind.Float, value);

    /// <summary>An integer.</summary>
    public static AttributeValue FromInt(long value) => new(AttributeKind.Int, value);

    /// <summary>A string.</summary>
    public static AttributeValue FromString(string value) => new(AttributeKind.String, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>A tensor.</summary>
    public static AttributeValue FromTensor(TensorData value) => new(AttributeKind.Tensor, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>A sparse tensor.</summary>
    public static AttributeValue FromSparseTensor(SparseTensorData value) => new(AttributeKind.SparseTensor, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>A subgraph.</summary>
    public static AttributeValue FromGraph(Graph value) => new(AttributeKind.Graph, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>A type.</summary>
    public static AttributeValue FromType(IrType value) => new(AttributeKind.Type, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>A list of floats.</summary>
    public static AttributeValue FromFloats(ImmutableArray<float> values) => new(AttributeKind.Floats, Normalize(values));

    /// <summary>A list of integers.</summary>
    public static AttributeValue FromInts(ImmutableArray<long> values) => new(AttributeKind.Ints, Normalize(values));

    /// <summary>A list of strings.</summary>
    public static AttributeValue FromStrings(ImmutableArray<string> values) => new(AttributeKind.Strings, Normalize(values));

    /// <summary>A list of tensors.</summary>
    public static AttributeValue FromTensors(ImmutableArray<TensorData> values) => new(AttributeKind.Tensors, Normalize(values));

    /// <summary>A list of sparse tensors.</summary>
    public static AttributeValue FromSparseTensors(ImmutableArray<SparseTensorData> values) => new(AttributeKind.SparseTensors, Normalize(values));

    /// <summary>A list of subgraphs.</summary>
    public static AttributeValue FromGraphs(ImmutableArray<Graph> values) => new(AttributeKind.Graphs, Normalize(values));

    /// <summary>A list of types.</summary>
    public static AttributeValue FromTypes(ImmutableArray<IrType> values) => new(AttributeKind.Types, Normalize(values));

    /// <summary>The float value.</summary>
    public float AsFloat() => Get<float>(AttributeKind.Float);

    /// <summary>The integer value.</summary>
    public long AsInt() => Get<long>(AttributeKind.Int);

    /// <summary>The string value.</summary>
    public string AsString() => Get<string>(AttributeKind.String);

    /// <summary>The tensor value.</summary>
    public TensorData AsTensor() => Get<TensorData>(AttributeKind.Tensor);

    /// <summary>The sparse tensor value.</summary>
    public SparseTensorData AsSparseTensor() => Get<SparseTensorData>(AttributeKind.SparseTensor);

    /// <summary>The subgraph value.</summary>
    public Graph AsGraph() => Get<Graph>(AttributeKind.Graph);

    /// <summary>The type value.</summary>
    public IrType AsType() => Get<IrType>(AttributeKind.Type);

    /// <summary>The float list.</summary>
    public ImmutableArray<float> AsFloats() => Get<ImmutableArray<float>>(AttributeKind.Floats);

    /// <summary>The integer list.</summary>
    public ImmutableArray<long> AsInts() => Get<ImmutableArray<long>>(AttributeKind.Ints);

    /// <summary>The string list.</summary>
    public ImmutableArray<string> AsStrings() => Get<ImmutableArray<string>>(AttributeKind.Strings);

    /// <summary>The tensor list.</summary>
    public ImmutableArray<TensorData> AsTensors() => Get<ImmutableArray<TensorData>>(AttributeKind.Tensors);

    /// <summary>The sparse tensor list.</summary>
    public ImmutableArray<SparseTensorData> AsSparseTensors() => Get<ImmutableArray<SparseTensorData>>(AttributeKind.SparseTensors);

    /// <summary>The subgraph list.</summary>
    public ImmutableArray<Graph> AsGraphs() => Get<ImmutableArray<Graph>>(AttributeKind.Graphs);

    /// <summary>The type list.</summary>
    public ImmutableArray<IrType> AsTypes() => Get<ImmutableArray<IrType>>(AttributeKind.Types);

    /// <summary>The subgraphs held by this value (none, one, or a list).</summary>
    public ImmutableArray<Graph> Subgraphs => Kind switch
    {
        AttributeKind.Graph => [AsGraph()],
        AttributeKind.Graphs => AsGraphs(),
        _ => ImmutableArray<Graph>.Empty,
    };

    /// <summary>Structural comparison (graphs by reference).</summary>
    public bool IsEquivalentTo(AttributeValue other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        if (other.Kind != Kind)
        {
            return false;
        }
        return Kind switch
        {
            AttributeKind.Floats => AsFloats().SequenceEqual(other.AsFloats()),
            AttributeKind.Ints => AsInts().SequenceEqual(other.AsInts()),
            AttributeKind.Strings => AsStrings().SequenceEqual(other.AsStrings(), StringComparer.Ordinal),
            AttributeKind.Tensor => AsTensor().IsEquivalentTo(other.AsTensor()),
            AttributeKind.Tensors => AsTensors().Zip(other.AsTensors()).All(p => p.First.IsEquivalentTo(p.Second))
                && AsTensors().Length == other.AsTensors().Length,
            AttributeKind.SparseTensor => AsSparseTensor().IsEquivalentTo(other.AsSparseTensor()),
            AttributeKind.Graphs => AsGraphs().SequenceEqual(other.AsGraphs()),
            AttributeKind.Types => AsTypes().SequenceEqual(other.AsTypes()),
            _ => _value.Equals(other._value),
        };
    }

    /// <inheritdoc />
    public override string ToString() => $"{Kind}: {_value}";

    private T Get<T>(AttributeKind kind) => Kind == kind
        ? (T)_value
        : throw new InvalidOperationException($"The attribute is {Kind}, not {kind}.");

    private static ImmutableArray<T> Normalize<T>(ImmutableArray<T> values) =>
        values.IsDefault ? ImmutableArray<T>.Empty : values;
}
