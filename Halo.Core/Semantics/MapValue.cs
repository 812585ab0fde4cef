using System.Collections.Immutable;
using Halo.Core.IR.Types;

namespace Halo.Core.Semantics;

/// <summary>A map from scalar keys (int64 or string) to values (ONNX <c>map(K, V)</c>), in key insertion order.</summary>
/// <param name="keyType">The key element type.</param>
/// <param name="valueType">The value type.</param>
/// <param name="entries">The entries; keys are <see cref="long"/> or <see cref="string"/>.</param>
public sealed class MapValue(ElementType keyType, IrType valueType, ImmutableArray<KeyValuePair<object, RuntimeValue>> entries) : RuntimeValue
{
    /// <summary>The key element type.</summary>
    public ElementType KeyType { get; } = keyType;

    /// <summary>The value type.</summary>
    public IrType ValueType { get; } = valueType ?? throw new ArgumentNullException(nameof(valueType));

    /// <summary>The entries.</summary>
    public ImmutableArray<KeyValuePair<object, RuntimeValue>> Entries { get; } =
        entries.IsDefault ? ImmutableArray<KeyValuePair<object, RuntimeValue>>.Empty : entries;

    /// <inheritdoc />
    public override IrType Type => new MapType(KeyType, ValueType);
}
