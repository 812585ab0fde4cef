using System.Collections.Immutable;
using System.Globalization;
using Halo.Core.IR.Types;
using Halo.Frontends.TensorFlow.Protos;

namespace Halo.Frontends.TensorFlow;

/// <summary>Maps TensorFlow data types and shapes onto IR element types and shapes.</summary>
internal static class TensorFlowTypeConverter
{
    /// <summary>TensorFlow: reference types (variables in unfrozen graphs) are the value type plus 100.</summary>
    private const int ReferenceTypeOffset = 100;

    /// <summary>The element type of <paramref name="type"/>, or false for invalid, quantized, resource, variant and
    /// 4-bit types.</summary>
    public static bool TryGetElementType(DataType type, out ElementType elementType)
    {
        int value = (int)type;
        if (value > ReferenceTypeOffset)
        {
            value -= ReferenceTypeOffset;
        }
        elementType = (DataType)value switch
        {
            DataType.DtFloat => ElementType.Float,
            DataType.DtDouble => ElementType.Double,
            DataType.DtInt32 => ElementType.Int32,
            DataType.DtUint8 => ElementType.UInt8,
            DataType.DtInt16 => ElementType.Int16,
            DataType.DtInt8 => ElementType.Int8,
            DataType.DtString => ElementType.String,
            DataType.DtComplex64 => ElementType.Complex64,
            DataType.DtInt64 => ElementType.Int64,
            DataType.DtBool => ElementType.Bool,
            DataType.DtBfloat16 => ElementType.BFloat16,
            DataType.DtUint16 => ElementType.UInt16,
            DataType.DtComplex128 => ElementType.Complex128,
            DataType.DtHalf => ElementType.Float16,
            DataType.DtUint32 => ElementType.UInt32,
            DataType.DtUint64 => ElementType.UInt64,
            DataType.DtFloat8E5M2 => ElementType.Float8E5M2,
            DataType.DtFloat8E4M3Fn => ElementType.Float8E4M3FN,
            _ => ElementType.Undefined,
        };
        return elementType != ElementType.Undefined;
    }

    /// <summary>The TensorFlow spelling of a data type (<c>DT_FLOAT</c>), or its number when unknown.</summary>
    public static string Name(DataType type) =>
        TypesReflection.Descriptor.EnumTypes[0].FindValueByNumber((int)type)?.Name
        ?? ((int)type).ToString(CultureInfo.InvariantCulture);

    /// <summary>The IR shape of a declared shape (unknown sizes become symbols <c>{prefix}_{axis}</c>); null with
    /// <paramref name="error"/> for sizes below -1 or an unknown rank with dimensions.</summary>
    public static Shape? ToShape(TensorShapeProto? shape, string symbolPrefix, out string? error)
    {
        error = null;
        if (shape is null || shape.UnknownRank)
        {
            if (shape is { Dim.Count: > 0 })
            {
                error = "unknown_rank is set, but dimensions are given";
                return null;
            }
            return Shape.Unranked;
        }
        var dims = ImmutableArray.CreateBuilder<Dimension>(shape.Dim.Count);
        for (int axis = 0; axis < shape.Dim.Count; axis++)
        {
            long size = shape.Dim[axis].Size;
            if (size < -1)
            {
                error = $"size {size} at axis {axis} (sizes are -1 for unknown, or at least 0)";
                return null;
            }
            dims.Add(size == -1 ? Dimension.Symbolic(symbolPrefix + "_" + axis.ToString(CultureInfo.InvariantCulture)) : Dimension.Of(size));
        }
        long known = 1;
        foreach (var d in shape.Dim.Where(d => d.Size > 0))
        {
            if (known > long.MaxValue / d.Size)
            {
                error = "the element count overflows";
                return null;
            }
            known *= d.Size;
        }
        return Shape.Of(dims.MoveToImmutable());
    }

    /// <summary>Text form of a declared shape for messages: <c>[-1,784]</c> or <c>[*]</c>.</summary>
    public static string Describe(TensorShapeProto? shape) => shape is null || shape.UnknownRank
        ? "[*]"
        : "[" + string.Join(",", shape.Dim.Select(d => d.Size)) + "]";
}
