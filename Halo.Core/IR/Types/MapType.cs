namespace Halo.Core.IR.Types;

/// <summary>A map from scalar keys to values (ONNX <c>map(K, V)</c>).</summary>
/// <param name="keyType">The key element type (an integer type or string).</param>
/// <param name="valueType">The value type.</param>
public sealed class MapType(ElementType keyType, IrType valueType) : IrType
{
    /// <summary>The key element type.</summary>
    public ElementType KeyType { get; } = keyType;

    /// <summary>The value type.</summary>
    public IrType ValueType { get; } = valueType ?? throw new ArgumentNullException(nameof(valueType));

    /// <inheritdoc />
    public override bool Equals(IrType? other) =>
        other is MapType m && m.KeyType == KeyType && m.ValueType.Equals(ValueType);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(KeyType, ValueType, 4);

    /// <summary>Text form: <c>map&lt;i64,f32[]&gt;</c>.</summary>
    public override string ToString() => "map<" + KeyType.GetName() + "," + ValueType + ">";
}
