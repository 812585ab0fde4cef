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

    /// <summary>The value of <paramref name="name"/> in the nearest enclosing scope that defines it.</summary>
    public bool TryGetOuter(string name, out ValueRef value)
    {
        for (var scope = Parent; scope is not null; scope = scope.Parent)
        {
            if (scope.TryGetLocal(name, out value))
            {
                return true;
            }
        }
        value = default;
        return false;
    }
}
