using Halo.Core.IR.Types;

namespace Halo.Core.Verification;

/// <summary>Whether two types can describe the same value: unknown parts are compatible with anything.</summary>
public static class TypeCompatibility
{
    /// <summary>True when no known part of <paramref name="a"/> contradicts a known part of <paramref name="b"/>.</summary>
    public static bool AreCompatible(IrType a, IrType b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return (a, b) switch
        {
            (TensorType x, TensorType y) => Compatible(x.ElementType, y.ElementType) && Compatible(x.Shape, y.Shape),
            (TensorType { ElementType: ElementType.Undefined, Shape.IsRanked: false }, _) => true,
            (_, TensorType { ElementType: ElementType.Undefined, Shape.IsRanked: false }) => true,
            (SparseTensorType x, SparseTensorType y) => Compatible(x.ElementType, y.ElementType) && Compatible(x.Shape, y.Shape),
            (SequenceType x, SequenceType y) => AreCompatible(x.ElementType, y.ElementType),
            (OptionalType x, OptionalType y) => AreCompatible(x.ElementType, y.ElementType),
            (MapType x, MapType y) => x.KeyType == y.KeyType && AreCompatible(x.ValueType, y.ValueType),
            _ => false,
        };
    }

    /// <summary>Shapes are compatible when ranks agree (if both known) and static sizes agree where both are static.</summary>
    public static bool Compatible(Shape a, Shape b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!a.IsRanked || !b.IsRanked)
        {
            return true;
        }
        if (a.Rank != b.Rank)
        {
            return false;
        }
        for (int i = 0; i < a.Rank; i++)
        {
            if (a[i].IsStatic && b[i].IsStatic && a[i].Value != b[i].Value)
            {
                return false;
            }
        }
        return true;
    }

    private static bool Compatible(ElementType a, ElementType b) =>
        a == ElementType.Undefined || b == ElementType.Undefined || a == b;
}
