using Halo.Core.IR.Types;

namespace Halo.Core.Operators.Onnx.Tensor;

/// <summary>Joins of value types (for If branches, loop-carried values and sequence elements).</summary>
internal static class TypeMerge
{
    /// <summary>The most precise type that describes both: equal dims stay, differing dims become unknown,
    /// differing ranks become unranked, differing element types become undefined.</summary>
    public static IrType Union(IrType a, IrType b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return (a, b) switch
        {
            _ when a.Equals(b) => a,
            (TensorType x, TensorType y) => new TensorType(UnionElement(x.ElementType, y.ElementType), Union(x.Shape, y.Shape)),
            (SequenceType x, SequenceType y) => new SequenceType(Union(x.ElementType, y.ElementType)),
            (OptionalType x, OptionalType y) => new OptionalType(Union(x.ElementType, y.ElementType)),
            (SparseTensorType x, SparseTensorType y) =>
                new SparseTensorType(UnionElement(x.ElementType, y.ElementType), Union(x.Shape, y.Shape)),
            (TensorType { ElementType: ElementType.Undefined, Shape.IsRanked: false }, _) => b,
            (_, TensorType { ElementType: ElementType.Undefined, Shape.IsRanked: false }) => a,
            _ => IrType.Unknown,
        };
    }

    /// <summary>The union of two shapes.</summary>
    public static Shape Union(Shape a, Shape b)
    {
        if (!a.IsRanked || !b.IsRanked || a.Rank != b.Rank)
        {
            return Shape.Unranked;
        }
        var dims = new Dimension[a.Rank];
        for (int i = 0; i < dims.Length; i++)
        {
            dims[i] = a[i].Equals(b[i]) ? a[i] : Dimension.Unknown;
        }
        return Shape.Of(dims);
    }

    /// <summary>Whether two element types can describe the same value (an undefined one matches anything).</summary>
    public static bool Compatible(ElementType a, ElementType b) =>
        a == b || a == ElementType.Undefined || b == ElementType.Undefined;

    private static ElementType UnionElement(ElementType a, ElementType b) =>
        a == b ? a : a == ElementType.Undefined ? b : b == ElementType.Undefined ? a : ElementType.Undefined;
}
