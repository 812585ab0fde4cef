using Halo.Core.IR.Types;

namespace Halo.Core.Semantics;

/// <summary>An optional value (ONNX <c>optional(T)</c>): present or empty.</summary>
/// <param name="elementType">The type of the value when present.</param>
/// <param name="value">The value, or null when empty.</param>
public sealed class OptionalValue(IrType elementType, RuntimeValue? value) : RuntimeValue
{
    /// <summary>The type of the value when present.</summary>
    public IrType ElementType { get; } = elementType ?? throw new ArgumentNullException(nameof(elementType));

    /// <summary>The value, or null when empty.</summary>
    public RuntimeValue? Value { get; } = value;

    /// <inheritdoc />
    public override IrType Type => new OptionalType(ElementType);
}
