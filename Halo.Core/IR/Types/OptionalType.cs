namespace Halo.Core.IR.Types;

/// <summary>A value that may be absent (ONNX <c>optional(T)</c>).</summary>
/// <param name="elementType">The type of the value when present.</param>
public sealed class OptionalType(IrType elementType) : IrType
{
    /// <summary>The type of the value when present.</summary>
    public IrType ElementType { get; } = elementType ?? throw new ArgumentNullException(nameof(elementType));

    /// <inheritdoc />
    public override bool Equals(IrType? other) => other is OptionalType s && s.ElementType.Equals(ElementType);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ElementType, 3);

    /// <summary>Text form: <c>opt&lt;f32[3]&gt;</c>.</summary>
    public override string ToString() => "opt<" + ElementType + ">";
}
