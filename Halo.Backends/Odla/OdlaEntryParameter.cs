using System.Collections.Immutable;
using Halo.Core.IR.Types;

namespace Halo.Backends.Odla;

/// <summary>One parameter of the generated entry function.</summary>
/// <param name="Name">The graph value's name.</param>
/// <param name="CName">The C parameter name (outputs are prefixed <c>out_</c>).</param>
/// <param name="ElementType">The element type.</param>
/// <param name="Shape">The static shape (empty for a scalar).</param>
public sealed record OdlaEntryParameter(string Name, string CName, ElementType ElementType, ImmutableArray<long> Shape)
{
    /// <summary>The number of elements.</summary>
    public long ElementCount => Shape.Aggregate(1L, (a, b) => a * b);

    /// <inheritdoc />
    public bool Equals(OdlaEntryParameter? other) => other is not null && other.Name == Name && other.CName == CName
        && other.ElementType == ElementType && other.Shape.SequenceEqual(Shape);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, CName, ElementType, Shape.Length);
}
