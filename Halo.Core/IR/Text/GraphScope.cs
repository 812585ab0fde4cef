using System.Collections.Immutable;
using Halo.Core.IR.Green;

namespace Halo.Core.IR.Text;

/// <summary>The value names defined so far in one graph of the text being parsed.</summary>
internal sealed class GraphScope
{
    private readonly Dictionary<string, ValueRef> _values = new(StringComparer.Ordinal);

    public ImmutableDictionary<ValueRef, string>.Builder ValueNames { get; } = ImmutableDictionary.CreateBuilder<ValueRef, string>();

    public ImmutableDictionary<GreenNode, string>.Builder NodeNames { get; } = ImmutableDictionary.CreateBuilder<GreenNode, string>();

    public void Define(string name, ValueRef value, TextToken at)
    {
        if (!_values.TryAdd(name, value))
        {
            throw new TextParseException($"value '%{name}' is defined twice", at.Line, at.Column);
        }
        ValueNames[value] = name;
    }

    public ValueRef Resolve(string name, TextToken at) => _values.TryGetValue(name, out var v) ? v
        : throw new TextParseException($"value '%{name}' is not defined before its use", at.Line, at.Column);
}
