using System.Collections.Frozen;
using System.Collections.Immutable;
using Halo.Core.IR.Types;

namespace Halo.Core.Operators;

/// <summary>A named type variable of an operator (<c>T</c>) and the ONNX type strings it allows.</summary>
public sealed class TypeConstraint
{
    private readonly FrozenSet<string> _allowed;

    /// <summary>Creates a constraint.</summary>
    /// <param name="name">The type variable name.</param>
    /// <param name="allowed">ONNX type strings such as <c>tensor(float)</c> or <c>seq(tensor(int64))</c>.</param>
    public TypeConstraint(string name, IEnumerable<string> allowed)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(allowed);
        Name = name;
        AllowedTypes = [.. allowed];
        _allowed = AllowedTypes.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The type variable name.</summary>
    public string Name { get; }

    /// <summary>The allowed ONNX type strings.</summary>
    public ImmutableArray<string> AllowedTypes { get; }

    /// <summary>Whether <paramref name="type"/> is allowed; types with unknown element types are given the benefit of the doubt.</summary>
    public bool Allows(IrType type) => !TypeStrings.IsFullyKnown(type) || _allowed.Contains(TypeStrings.ToOnnxString(type));
}
