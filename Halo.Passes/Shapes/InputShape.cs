using System.Collections.Immutable;
using System.Globalization;

namespace Halo.Passes.Shapes;

/// <summary>A shape given for one graph input (<c>--input-shape NAME:1x3x10</c>); it replaces the shape the model
/// declares.</summary>
/// <param name="Name">The input's name in the model.</param>
/// <param name="Dimensions">The static sizes, outermost first; empty for a scalar.</param>
public sealed record InputShape(string Name, ImmutableArray<long> Dimensions)
{
    /// <summary>Whether both name and sizes are equal.</summary>
    public bool Equals(InputShape? other) => other is not null && other.Name == Name
        && other.Dimensions.AsSpan().SequenceEqual(Dimensions.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name);
        foreach (long d in Dimensions)
        {
            hash.Add(d);
        }
        return hash.ToHashCode();
    }

    /// <summary>The command-line form, <c>NAME:1x3x10</c>.</summary>
    public override string ToString() => Name + ":" + string.Join("x", Dimensions.Select(d => d.ToString(CultureInfo.InvariantCulture)));
}
