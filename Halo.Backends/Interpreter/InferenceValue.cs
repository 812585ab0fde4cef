using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Backends.Interpreter;

/// <summary>
/// A value an <see cref="InferenceSession"/> takes or returns: a dense <see cref="Tensor"/>, a
/// <see cref="TensorSequence"/> (ONNX <c>seq(tensor)</c>) or an <see cref="InferenceOptional"/> (ONNX
/// <c>optional(T)</c>). Values handed to a session are only read; values it returns belong to the caller.
/// </summary>
public abstract class InferenceValue
{
    private protected InferenceValue()
    {
    }

    /// <summary>The IR type of this value (a tensor's shape is its actual, static one).</summary>
    public abstract IrType Type { get; }

    /// <summary>Creates an interpreter value holding a copy of a reference-semantics value.</summary>
    /// <exception cref="ArgumentException">A map, a sequence of non-tensors, or a tensor the interpreter cannot hold.</exception>
    public static InferenceValue FromRuntimeValue(RuntimeValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value switch
        {
            TensorValue tensor => Tensor.FromTensorData(tensor.Data),
            SequenceValue sequence => new TensorSequence(ItemTypeOf(sequence), sequence.Items.Select(item => item is TensorValue t
                ? Tensor.FromTensorData(t.Data)
                : throw new ArgumentException($"A {sequence.Type} holds a {item.Type}; interpreter sequences hold tensors only.", nameof(value)))),
            OptionalValue optional => new InferenceOptional(optional.ElementType, optional.Value is { } inner ? FromRuntimeValue(inner) : null),
            _ => throw new ArgumentException($"The interpreter cannot hold a {value.Type} value.", nameof(value)),
        };
    }

    /// <summary>A copy of this value as a reference-semantics value (for the reference evaluator and value comparison).</summary>
    public abstract RuntimeValue ToRuntimeValue();

    /// <summary>A caller-owned deep copy (never from a pool).</summary>
    internal abstract InferenceValue Clone();

    private static TensorType ItemTypeOf(SequenceValue sequence) => sequence.ElementType as TensorType
        ?? throw new ArgumentException($"The interpreter cannot hold a {sequence.Type}: its sequences hold tensors only.", nameof(sequence));
}
