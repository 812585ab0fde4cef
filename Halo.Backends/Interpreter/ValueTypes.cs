using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter;

/// <summary>Which IR types the interpreter can hold in a value slot, and which of those fast kernels take.</summary>
internal static class ValueTypes
{
    /// <summary>The value kinds <see cref="CanHold"/> accepts, for messages.</summary>
    public const string Holdable = "the interpreter holds tensors, sequences of tensors and optionals of either";

    /// <summary>Whether a value of <paramref name="type"/> fits an <see cref="InferenceValue"/>: a tensor (of any
    /// element type but undefined-at-run-time ones), a sequence of tensors, or an optional of either.</summary>
    public static bool CanHold(IrType type) => type switch
    {
        TensorType t => t.ElementType == ElementType.Undefined || ElementTypes.IsSupported(t.ElementType),
        SequenceType { ElementType: TensorType item } => CanHold(item),
        OptionalType { ElementType: (TensorType or SequenceType) and var inner } => CanHold(inner),
        _ => false,
    };

    /// <summary>Whether <paramref name="type"/> is a dense tensor of byte-sized elements, strings or a type known
    /// only at run time: the values fast kernels take. Everything else runs through reference semantics.</summary>
    public static bool IsDenseTensor(IrType type) =>
        type is TensorType t && (t.ElementType == ElementType.Undefined || ElementTypes.IsByteAddressable(t.ElementType));
}
