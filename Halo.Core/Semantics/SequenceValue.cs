using System.Collections.Immutable;
using Halo.Core.IR.Types;

namespace Halo.Core.Semantics;

/// <summary>A sequence of values (ONNX <c>seq(T)</c>); <see cref="ElementType"/> types an empty sequence.</summary>
/// <param name="elementType">The element type.</param>
/// <param name="items">The elements.</param>
public sealed class SequenceValue(IrType elementType, ImmutableArray<RuntimeValue> items) : RuntimeValue
{
    /// <summary>The element type.</summary>
    public IrType ElementType { get; } = elementType ?? throw new ArgumentNullException(nameof(elementType));

    /// <summary>The elements.</summary>
    public ImmutableArray<RuntimeValue> Items { get; } = items.IsDefault ? ImmutableArray<RuntimeValue>.Empty : items;

    /// <inheritdoc />
    public override IrType Type => new SequenceType(ElementType);
}
