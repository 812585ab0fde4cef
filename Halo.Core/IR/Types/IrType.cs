namespace Halo.Core.IR.Types;

/// <summary>
/// The type of a value in the IR: a tensor, a sparse tensor, a sequence, a map or an optional.
/// Immutable; compares by value.
/// </summary>
public abstract class IrType : IEquatable<IrType>
{
    private protected IrType()
    {
    }

    /// <summary>A tensor whose element type and shape are both unknown.</summary>
    public static TensorType Unknown { get; } = new(ElementType.Undefined, Shape.Unranked);

    /// <inheritdoc />
    public abstract bool Equals(IrType? other);

    /// <inheritdoc />
    public sealed override bool Equals(object? obj) => Equals(obj as IrType);

    /// <inheritdoc />
    public abstract override int GetHashCode();

    /// <summary>Text form as used by the IR printer.</summary>
    public abstract override string ToString();
}
