namespace Halo.Core.IR.Types;

/// <summary>A sequence of values of one type (ONNX <c>seq(T)</c>).</summary>
/// <param name="elementType">The type of each element.</param>
public sealed class SequenceType(IrType elementType) : IrType
{
    /// <summary>The type of each element.</summary>
    public IrType ElementType { get; } = elementType ?? throw new ArgumentNullException(nameof(elementType));

    /// <inheritdoc />
    public override bool Equals(IrType? other) => other is SequenceType s && s.ElementType.Equals(ElementType);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ElementType, 2);

    /// <summary>Text form: <c>seq&lt;f32[3]&gt;</c>.</summary>
    public override string ToString() => "seq<" + ElementType + ">";
}
