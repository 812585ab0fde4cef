using System.Collections.Immutable;
using Halo.Core.Diagnostics;
using Halo.Core.IR.Types;
using Halo.Frontends.Diagnostics;
using Halo.Frontends.Onnx.Protos;

namespace Halo.Frontends.Onnx;

/// <summary>Converts declared ONNX types (<see cref="TypeProto"/>) into IR types, reporting malformed ones.</summary>
internal static class OnnxTypeConverter
{
    /// <summary>The IR type of <paramref name="type"/>; unknown parts (and invalid ones, after a diagnostic)
    /// become <see cref="IrType.Unknown"/>, unknown element types or dimensions.</summary>
    public static IrType ToIrType(TypeProto? type, string valueName, OnnxReadContext context, ModelLocation location)
    {
        if (type is null)
        {
            return IrType.Unknown;
        }
        switch (type.ValueCase)
        {
            case TypeProto.ValueOneofCase.TensorType:
                return new TensorType(ToElementType(type.TensorType.ElemType, valueName, context, location),
                    ToShape(type.TensorType.Shape, valueName, context, location));
            case TypeProto.ValueOneofCase.SparseTensorType:
                return new SparseTensorType(ToElementType(type.SparseTensorType.ElemType, valueName, context, location),
                    ToShape(type.SparseTensorType.Shape, valueName, context, location));
            case TypeProto.ValueOneofCase.SequenceType:
                return new SequenceType(ToIrType(type.SequenceType.ElemType, valueName, context, location));
            case TypeProto.ValueOneofCase.OptionalType:
                return new OptionalType(ToIrType(type.OptionalType.ElemType, valueName, context, location));
            case TypeProto.ValueOneofCase.MapType:
                var key = ToElementType(type.MapType.KeyType, valueName, context, location);
                if (key is not (ElementType.String or ElementType.Undefined) && !key.IsInteger())
                {
                    context.Report(FrontendDiagnostics.InvalidType, location, valueName,
                        $"map keys must be integers or strings, not {key.GetName()}");
                }
                return new MapType(key, ToIrType(type.MapType.ValueType, valueName, context, location));
            default:
                return IrType.Unknown;
        }
    }

    /// <summary>The element type numbered <paramref name="dataType"/>; undefined after a diagnostic when unknown.</summary>
    public static ElementType ToElementType(int dataType, string valueName, OnnxReadContext context, ModelLocation location)
    {
        if (ElementTypeExtensions.IsKnownDataType(dataType))
        {
            return (ElementType)dataType;
        }
        context.Report(FrontendDiagnostics.InvalidType, location, valueName,
            $"element type {dataType} is not a known ONNX data type");
        return ElementType.Undefined;
    }

    /// <summary>The shape of <paramref name="shape"/>: unranked when absent; a negative dimension or an
    /// overflowing static element count is reported and becomes unknown.</summary>
    public static Shape ToShape(TensorShapeProto? shape, string valueName, OnnxReadContext context, ModelLocation location)
    {
        if (shape is null)
        {
            return Shape.Unranked;
        }
        var dims = ImmutableArray.CreateBuilder<Dimension>(shape.Dim.Count);
        long product = 1;
        for (int i = 0; i < shape.Dim.Count; i++)
        {
            var d = shape.Dim[i];
            if (d.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimParam)
            {
                dims.Add(Dimension.Symbolic(d.DimParam));
                continue;
            }
            if (d.ValueCase != TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue)
            {
                dims.Add(Dimension.Unknown);
                continue;
            }
            long v = d.DimValue;
            string? problem = v < 0 ? "sizes must not be negative"
                : v != 0 && product > long.MaxValue / v ? "the element count overflows" : null;
            if (problem is not null)
            {
                context.Report(FrontendDiagnostics.InvalidDimension, location, valueName, v, i, problem);
                dims.Add(Dimension.Unknown);
                continue;
            }
            product = v == 0 ? product : product * v;
            dims.Add(Dimension.Of(v));
        }
        return Shape.Of(dims.MoveToImmutable());
    }
}
