using Halo.Core.IR.Types;

namespace Halo.Backends.Odla.Emit;

/// <summary>Maps element types to ODLA's <c>odla_element_type</c> and to the C types of the entry header.</summary>
internal static class OdlaTypes
{
    /// <summary>The <c>odla_element_type</c> enumerator, or null when ODLA has none.</summary>
    public static string? ToOdla(ElementType type) => type switch
    {
        ElementType.Float => "ODLA_FLOAT32",
        ElementType.Double => "ODLA_FLOAT64",
        ElementType.Float16 => "ODLA_FLOAT16",
        ElementType.BFloat16 => "ODLA_BFLOAT16",
        ElementType.Int8 => "ODLA_INT8",
        ElementType.Int16 => "ODLA_INT16",
        ElementType.Int32 => "ODLA_INT32",
        ElementType.Int64 => "ODLA_INT64",
        ElementType.UInt8 => "ODLA_UINT8",
        ElementType.UInt16 => "ODLA_UINT16",
        ElementType.UInt32 => "ODLA_UINT32",
        ElementType.UInt64 => "ODLA_UINT64",
        ElementType.Bool => "ODLA_BOOL",
        _ => null,
    };

    /// <summary>The C type of one element in the entry header (<c>stdint.h</c> types; bool and 16-bit floats as
    /// their one- and two-byte storage, as ONNX stores them).</summary>
    public static string ToCType(ElementType type) => type switch
    {
        ElementType.Float => "float",
        ElementType.Double => "double",
        ElementType.Float16 or ElementType.BFloat16 or ElementType.UInt16 => "uint16_t",
        ElementType.Int8 => "int8_t",
        ElementType.Int16 => "int16_t",
        ElementType.Int32 => "int32_t",
        ElementType.Int64 => "int64_t",
        ElementType.UInt8 or ElementType.Bool => "uint8_t",
        ElementType.UInt32 => "uint32_t",
        ElementType.UInt64 => "uint64_t",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No ODLA element type."),
    };

    /// <summary>Bytes per element of a supported type.</summary>
    public static int ByteSize(ElementType type) => type switch
    {
        ElementType.Double or ElementType.Int64 or ElementType.UInt64 => 8,
        ElementType.Float or ElementType.Int32 or ElementType.UInt32 => 4,
        ElementType.Float16 or ElementType.BFloat16 or ElementType.Int16 or ElementType.UInt16 => 2,
        _ => 1,
    };
}
