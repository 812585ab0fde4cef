using System.Collections;
using System.Collections.Immutable;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Backends.Interpreter;

/// <summary>
/// An ONNX sequence of tensors (<c>seq(tensor(T))</c>): an ordered list of tensors of one element type whose
/// shapes may differ. <see cref="ItemType"/> types the items, so an empty sequence still has an element type.
/// The list is immutable; the tensors are shared, not copied, when the sequence is made.
/// </summary>
public sealed class TensorSequence : InferenceValue, IReadOnlyList<Tensor>
{
    private readonly ImmutableArray<Tensor> _items;

    /// <summary>Creates a sequence of <paramref name="items"/> typed by <paramref name="itemType"/>.</summary>
    /// <param name="itemType">The declared type of every item (its shape may be unknown or symbolic).</param>
    /// <param name="items">The tensors, in order.</param>
    /// <exception cref="ArgumentException">An item's element type differs from <paramref name="itemType"/>'s.</exception>
    public TensorSequence(TensorType itemType, IEnumerable<Tensor> items)
    {
        ArgumentNullException.ThrowIfNull(itemType);
        ArgumentNullException.ThrowIfNull(items);
        _items = [.. items];
        foreach (var item in _items)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(items));
            if (itemType.ElementType != ElementType.Undefined && item.ElementType != itemType.ElementType)
            {
                throw new ArgumentException($"A sequence of {itemType} cannot hold a {item}.", nameof(items));
            }
        }
        ItemType = itemType;
    }

    /// <summary>Creates a sequence of <paramref name="elementType"/> tensors of any shape.</summary>
    /// <inheritdoc cref="TensorSequence(TensorType, IEnumerable{Tensor})"/>
    public TensorSequence(ElementType elementType, IEnumerable<Tensor> items)
        : this(new TensorType(elementType, Shape.Unranked), items)
    {
    }

    /// <summary>The declared type of every item.</summary>
    public TensorType ItemType { get; }

    /// <inheritdoc />
    public override IrType Type => new SequenceType(ItemType);

    /// <summary>The number of tensors.</summary>
    public int Count => _items.Length;

    /// <summary>The tensor at <paramref name="index"/>.</summary>
    public Tensor this[int index] => _items[index];

    /// <inheritdoc />
    public IEnumerator<Tensor> GetEnumerator() => ((IEnumerable<Tensor>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override RuntimeValue ToRuntimeValue() =>
        new SequenceValue(ItemType, [.. _items.Select(t => (RuntimeValue)new TensorValue(t.ToTensorData()))]);

    /// <inheritdoc />
    internal override InferenceValue Clone() => new TensorSequence(ItemType, _items.Select(t => t.Clone()));

    /// <inheritdoc />
    public override string ToString() => $"seq<{ItemType}>({_items.Length})";
}
