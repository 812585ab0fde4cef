namespace Halo.Core.IR.Types;

/// <summary>A dense tensor type: element type and shape.</summary>
/// <param name="elementType">The element type; <see cref="ElementType.Undefined"/> when unknown.</param>
/// <param name="shape">The shape; <see cref="Shape.Unranked"/> when unknown.</param>
public sealed class TensorType(ElementType elementType, Shape shape) : IrType
{
    /// <summary>The element type.</summary>
    public ElementType ElementType { get; } = elementType;

    /// <summary>The shape.</summary>
    public Shape Shape { get; } = shape ?? throw new ArgumentNullException(nameof(shape));

    /// <summary>A tensor type of static shape.</summary>
    public static TensorType Of(ElementType elementType, params ReadOnlySpan<long> sizes) =>
        new(elementType, Shape.Of(sizes));

    /// <summary>This type with another shape.</summary>
    public TensorType WithShape(Shape shape) => shape.Equals(Shape) ? this : new(ElementType, shape);

    /// <inheritdoc />
    public override bool Equals(IrType? other) =>
        other is TensorType t && t.ElementType == ElementType && t.Shape.Equals(Shape);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ElementType, Shape);

    /// <summary>Text form: <c>f32[1,3,224,224]</c>.</summary>
    public override string ToString() => ElementType.GetName() + Shape;
}
