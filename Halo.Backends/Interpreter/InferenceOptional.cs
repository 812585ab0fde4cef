using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Backends.Interpreter;

/// <summary>
/// An ONNX optional value (<c>optional(T)</c>): a <see cref="Tensor"/> or a <see cref="TensorSequence"/>, or
/// nothing. <see cref="ValueType"/> types it even when empty. Immutable; the held value is shared, not copied.
/// </summary>
public sealed class InferenceOptional : InferenceValue
{
    /// <summary>Creates an optional of <paramref name="valueType"/> holding <paramref name="value"/> (null: empty).</summary>
    /// <param name="valueType">The type of the value when present: a tensor or sequence type.</param>
    /// <param name="value">The value, or null for an empty optional.</param>
    /// <exception cref="ArgumentException">The type is neither a tensor nor a sequence type, or the value is
    /// of another kind than the type.</exception>
    public InferenceOptional(IrType valueType, InferenceValue? value)
    {
        ArgumentNullException.ThrowIfNull(valueType);
        if (valueType is not (TensorType or SequenceType))
        {
            throw new ArgumentException($"An optional holds a tensor or a sequence, not a {valueType}.", nameof(valueType));
        }
        bool fits = value switch
        {
            null => true,
            Tensor => valueType is TensorType,
            TensorSequence => valueType is SequenceType,
            _ => false,
        };
        if (!fits)
        {
            throw new ArgumentException($"An optional of {valueType} cannot hold a {value!.Type}.", nameof(value));
        }
        ValueType = valueType;
        Value = value;
    }

    /// <summary>The type of the value when present.</summary>
    public IrType ValueType { get; }

    /// <summary>The value, or null when the optional is empty.</summary>
    public InferenceValue? Value { get; }

    /// <summary>Whether a value is present.</summary>
    public bool HasValue => Value is not null;

    /// <inheritdoc />
    public override IrType Type => new OptionalType(ValueType);

    /// <inheritdoc />
    public override RuntimeValue ToRuntimeValue() => new OptionalValue(ValueType, Value?.ToRuntimeValue());

    /// <inheritdoc />
    internal override InferenceValue Clone() => new InferenceOptional(ValueType, Value?.Clone());

    /// <inheritdoc />
    public override string ToString() => HasValue ? $"opt<{ValueType}>({Value})" : $"opt<{ValueType}>(empty)";
}
