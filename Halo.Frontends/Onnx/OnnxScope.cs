using Halo.Core.IR.Green;

namespace Halo.Frontends.Onnx;

/// <summary>The values one graph defines by name, chained to the scopes of enclosing graphs (subgraphs see
/// the values of every enclosing graph defined before the node that holds them).</summary>
internal sealed class OnnxScope(OnnxScope? parent)
{
    private readonly Dictionary<string, ValueRef> _values = new(StringComparer.Ordinal);

    /// <summary>The enclosing graph's scope, or null for the main graph.</summary>
    public OnnxScope? Parent { get; } = parent;

    /// <summary>Defines <paramref name="name"/>; false when this scope already defines it.</summary>
    public bool TryDefine(string name, ValueRef value) => _values.TryAdd(name, value);

    /// <summary>Whether this scope (not an enclosing one) defines <paramref name="name"/>.</summary>
    public bool IsDefinedHere(string name) => _values.ContainsKey(name);

    /// <summary>The value this scope defines as <paramref name="name"/>.</summary>
    public bool TryGetLocal(string name, out ValueRef value) => _values.TryGetValue(name, out value);

    /// <summary>Called when <see cref="TryResolveForSubgraph"/> creates a capture in this scope, so that its
    /// graph names the new value.</summary>
    public Action<string, ValueRef>? CaptureCreated { get; set; }

    /// <summary>The value a subgraph of this scope's graph sees as <paramref name="name"/>: a local value, or a
    /// capture created here of a value of an enclosing graph (so that every level between the definition and the
    /// use captures it, and each holding operation can list it as an implicit input).</summary>
    public bool TryResolveForSubgraph(string name, out ValueRef value)
    {
        if (TryGetLocal(name, out value))
        {
            return true;
        }
        if (Parent is not null && Parent.TryResolveForSubgraph(name, out var outer))
        {
            value = new GreenCapture(name, outer.Type).Output(0);
            _values[name] = value;
            CaptureCreated?.Invoke(name, value);
            return true;
        }
        value = default;
        return false;
    }
}
