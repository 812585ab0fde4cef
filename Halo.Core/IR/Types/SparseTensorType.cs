namespace Halo.Core.IR.Types;

/// <summary>A sparse tensor type (COO layout): element type and dense shape.</summary>
/// <param name="elementType">The element type.</param>
/// <param name="shape">The dense shape.</param>
public sealed class SparseTensorType(ElementType elementType, Shape shape) : IrType
{
    /// <summary>The element type.</summary>
    public ElementType ElementType { get; } = elementType;

    /// <summary>The dense shape.</summary>
    public Shape Shape { get; } = shape ?? throw new ArgumentNullException(nameof(shape));

    /// <inheritdoc />
    public override bool Equals(IrType? other) =>
        other is SparseTensorType t && t.ElementType == ElementType && t.Shape.Equals(Shape);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ElementType, Shape, 1);

    /// <summary>Text form: <c>sparse&lt;f32[10,10]&gt;</c>.</summary>
    public override string ToString() => "sparse<" + ElementType.GetName() + Shape + ">";
}
