using System.Collections.Immutable;
using Halo.Core.IR.Types;

namespace Halo.Frontends.Onnx;

/// <summary>Merges a declared type (value_info, graph outputs) into an inferred one: the declaration fills
/// what inference left unknown; a disagreement on something both know is a conflict.</summary>
internal static class OnnxTypeMerger
{
    /// <summary>The merged type, or null when <paramref name="declared"/> contradicts <paramref name="inferred"/>.</summary>
    public static IrType? Merge(IrType inferred, IrType declared)
    {
        switch (inferred, declared)
        {
            case (_, TensorType { ElementType: ElementType.Undefined } d) when !d.Shape.IsRanked:
                return inferred;
            case (TensorType { ElementType: ElementType.Undefined } i, _) when !i.Shape.IsRanked:
                return declared;
            case (TensorType i, TensorType d):
                var et = MergeElement(i.ElementType, d.ElementType);
                var shape = MergeShape(i.Shape, d.Shape);
                return et is null || shape is null ? null : i.ElementType == et && i.Shape.Equals(shape) ? i : new TensorType(et.Value, shape);
            case (SparseTensorType i, SparseTensorType d):
                var set = MergeElement(i.ElementType, d.ElementType);
                var sshape = MergeShape(i.Shape, d.Shape);
                return set is null || sshape is null ? null : new SparseTensorType(set.Value, sshape);
            case (SequenceType i, SequenceType d):
                return Merge(i.ElementType, d.ElementType) is { } se ? new SequenceType(se) : null;
            case (OptionalType i, OptionalType d):
                return Merge(i.ElementType, d.ElementType) is { } oe ? new OptionalType(oe) : null;
            case (MapType i, MapType d):
                var key = MergeElement(i.KeyType, d.KeyType);
                return key is not null && Merge(i.ValueType, d.ValueType) is { } mv ? new MapType(key.Value, mv) : null;
            default:
                return inferred.Equals(declared) ? inferred : null;
        }
    }

    private static ElementType? MergeElement(ElementType inferred, ElementType declared) =>
        inferred == ElementType.Undefined ? declared
        : declared == ElementType.Undefined || declared == inferred ? inferred : null;

    private static Shape? MergeShape(Shape inferred, Shape declared)
    {
        if (!declared.IsRanked)
        {
            return inferred;
        }
        if (!inferred.IsRanked)
        {
            return declared;
        }
        if (inferred.Rank != declared.Rank)
        {
            return null;
        }
        var dims = ImmutableArray.CreateBuilder<Dimension>(inferred.Rank);
        for (int k = 0; k < inferred.Rank; k++)
        {
            Dimension a = inferred[k], b = declared[k];
            if (a.IsStatic && b.IsStatic && a.Value != b.Value)
            {
                return null;
            }
            // A static size beats a symbol; a symbol beats unknown.
            dims.Add(a.IsStatic ? a : b.IsStatic ? b : a.IsSymbolic ? a : b);
        }
        return Shape.Of(dims.MoveToImmutable());
    }
}
