using System.Collections;
using System.Collections.Immutable;

namespace Halo.Core.IR.Attributes;

/// <summary>The attributes of an operation, keyed by name, in ordinal name order. Immutable.</summary>
public sealed class AttributeMap : IReadOnlyDictionary<string, AttributeValue>
{
    private readonly ImmutableSortedDictionary<string, AttributeValue> _items;

    private AttributeMap(ImmutableSortedDictionary<string, AttributeValue> items) => _items = items;

    /// <summary>No attributes.</summary>
    public static AttributeMap Empty { get; } = new(ImmutableSortedDictionary.Create<string, AttributeValue>(StringComparer.Ordinal));

    /// <summary>Builds a map from name/value pairs; a later duplicate replaces an earlier one.</summary>
    public static AttributeMap Create(IEnumerable<KeyValuePair<string, AttributeValue>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var (key, value) in items)
        {
            builder[key] = value;
        }
        return builder.Count == 0 ? Empty : new(builder.ToImmutable());
    }

    /// <summary>This map with <paramref name="name"/> set to <paramref name="value"/>.</summary>
    public AttributeMap SetItem(string name, AttributeValue value) => new(_items.SetItem(name, value));

    /// <summary>This map without <paramref name="name"/>.</summary>
    public AttributeMap Remove(string name) => _items.ContainsKey(name) ? new(_items.Remove(name)) : this;

    /// <inheritdoc />
    public AttributeValue this[string key] => _items[key];

    /// <inheritdoc />
    public IEnumerable<string> Keys => _items.Keys;

    /// <inheritdoc />
    public IEnumerable<AttributeValue> Values => _items.Values;

    /// <inheritdoc />
    public int Count => _items.Count;

    /// <inheritdoc />
    public bool ContainsKey(string key) => _items.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out AttributeValue value) =>
        _items.TryGetValue(key, out value);

    /// <summary>The integer attribute <paramref name="name"/>, or <paramref name="defaultValue"/> when absent.</summary>
    public long GetInt(string name, long defaultValue) =>
        _items.TryGetValue(name, out var v) && v.Kind == AttributeKind.Int ? v.AsInt() : defaultValue;

    /// <summary>The float attribute <paramref name="name"/>, or <paramref name="defaultValue"/> when absent.</summary>
    public float GetFloat(string name, float defaultValue) =>
        _items.TryGetValue(name, out var v) && v.Kind == AttributeKind.Float ? v.AsFloat() : defaultValue;

    /// <summary>The string attribute <paramref name="name"/>, or <paramref name="defaultValue"/> when absent.</summary>
    public string? GetString(string name, string? defaultValue) =>
        _items.TryGetValue(name, out var v) && v.Kind == AttributeKind.String ? v.AsString() : defaultValue;

    /// <summary>The integer list attribute <paramref name="name"/>, or null when absent.</summary>
    public ImmutableArray<long>? GetInts(string name) =>
        _items.TryGetValue(name, out var v) && v.Kind == AttributeKind.Ints ? v.AsInts() : null;

    /// <summary>Structural comparison.</summary>
    public bool IsEquivalentTo(AttributeMap other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        if (other.Count != Count)
        {
            return false;
        }
        foreach (var (key, value) in _items)
        {
            if (!other.TryGetValue(key, out var o) || !value.IsEquivalentTo(o))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, AttributeValue>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
