using System.Collections.Immutable;
using Halo.Core.IR;

namespace Halo.Frontends.Onnx;

/// <summary>
/// A value read from an ONNX data file (backend test <c>input_K.pb</c>/<c>output_K.pb</c>): a tensor, a
/// sparse tensor, a sequence, a map or an optional. Immutable.
/// </summary>
public sealed class OnnxValue
{
    private OnnxValue(OnnxValueKind kind, string? name)
    {
        Kind = kind;
        Name = string.IsNullOrEmpty(name) ? null : name;
    }

    /// <summary>What the value holds.</summary>
    public OnnxValueKind Kind { get; }

    /// <summary>The name stored in the file, or null.</summary>
    public string? Name { get; }

    /// <summary>The dense tensor when <see cref="Kind"/> is <see cref="OnnxValueKind.Tensor"/>, else null.</summary>
    public TensorData? Tensor { get; private init; }

    /// <summary>The sparse tensor when <see cref="Kind"/> is <see cref="OnnxValueKind.SparseTensor"/>, else null.</summary>
    public SparseTensorData? SparseTensor { get; private init; }

    /// <summary>The elements of a sequence, or the values of a map (one per key); empty otherwise.</summary>
    public ImmutableArray<OnnxValue> Elements { get; private init; } = ImmutableArray<OnnxValue>.Empty;

    /// <summary>The keys of a map: a 1-D string tensor, or int64 for integer keys (widened); null otherwise.</summary>
    public TensorData? Keys { get; private init; }

    /// <summary>The content of a non-empty optional; null for an empty optional and other kinds.</summary>
    public OnnxValue? OptionalValue { get; private init; }

    /// <summary>A dense tensor value.</summary>
    public static OnnxValue FromTensor(TensorData tensor, string? name = null) =>
        new(OnnxValueKind.Tensor, name) { Tensor = tensor ?? throw new ArgumentNullException(nameof(tensor)) };

    /// <summary>A sparse tensor value.</summary>
    public static OnnxValue FromSparseTensor(SparseTensorData tensor, string? name = null) =>
        new(OnnxValueKind.SparseTensor, name) { SparseTensor = tensor ?? throw new ArgumentNullException(nameof(tensor)) };

    /// <summary>A sequence of values (empty allowed).</summary>
    public static OnnxValue FromSequence(ImmutableArray<OnnxValue> elements, string? name = null) =>
        new(OnnxValueKind.Sequence, name) { Elements = elements.IsDefault ? ImmutableArray<OnnxValue>.Empty : elements };

    /// <summary>A map of <paramref name="keys"/> (1-D) to <paramref name="values"/>, one per key.</summary>
    /// <exception cref="ArgumentException">The key and value counts differ.</exception>
    public static OnnxValue FromMap(TensorData keys, ImmutableArray<OnnxValue> values, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        values = values.IsDefault ? ImmutableArray<OnnxValue>.Empty : values;
        if (keys.ElementCount != values.Length)
        {
            throw new ArgumentException($"{keys.ElementCount} keys but {values.Length} values.", nameof(values));
        }
        return new(OnnxValueKind.Map, name) { Keys = keys, Elements = values };
    }

    /// <summary>An optional value; <paramref name="value"/> null makes an empty optional.</summary>
    public static OnnxValue FromOptional(OnnxValue? value, string? name = null) =>
        new(OnnxValueKind.Optional, name) { OptionalValue = value };

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        OnnxValueKind.Tensor => Tensor!.ToString(),
        OnnxValueKind.SparseTensor => SparseTensor!.Type.ToString(),
        OnnxValueKind.Optional => OptionalValue is null ? "optional(empty)" : $"optional({OptionalValue})",
        OnnxValueKind.Map => $"map({Elements.Length} entries)",
        _ => $"sequence({Elements.Length} elements)",
    };
}
