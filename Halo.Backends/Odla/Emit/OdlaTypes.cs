using Halo.Core.IR.Types;

namespace Halo.Backends.Odla.Emit;

/// <summary>Maps element types to ODLA's <c>odla_element_type</c> and to the C types of the entry header. Float8,
/// 4-bit integers and float4 map to Halo's extension values of <c>ODLA/odla_halo_types.h</c>, which only the
/// reference runtime knows (see docs/native.md).</summary>
internal static class OdlaTypes
{
    /// <summary>The header that defines Halo's extension element types and conversion functions.</summary>
    public const string HaloTypesHeader = "ODLA/odla_halo_types.h";

    /// <summary>The <c>odla_element_type</c> enumerator (or Halo extension value), or null when there is none.</summary>
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
        ElementType.Float8E4M3FN => "ODLA_HALO_FLOAT8E4M3FN",
        ElementType.Float8E4M3FNUZ => "ODLA_HALO_FLOAT8E4M3FNUZ",
        ElementType.Float8E5M2 => "ODLA_HALO_FLOAT8E5M2",
        ElementType.Float8E5M2FNUZ => "ODLA_HALO_FLOAT8E5M2FNUZ",
        ElementType.Int4 => "ODLA_HALO_INT4",
        ElementType.UInt4 => "ODLA_HALO_UINT4",
        ElementType.Float4E2M1 => "ODLA_HALO_FLOAT4E2M1",
        _ => null,
    };

    /// <summary>Whether the type is one of Halo's extension types (<see cref="HaloTypesHeader"/>).</summary>
    public static bool IsHaloExtension(ElementType type) => type is ElementType.Float8E4M3FN or ElementType.Float8E4M3FNUZ
        or ElementType.Float8E5M2 or ElementType.Float8E5M2FNUZ or ElementType.Int4 or ElementType.UInt4 or ElementType.Float4E2M1;

    /// <summary>Whether two elements share a byte (4-bit types: element 2k in the low nibble of byte k, as in ONNX).</summary>
    public static bool IsPacked(ElementType type) => type.BitWidth() == 4;

    /// <summary>The C type of one element in the entry header (<c>stdint.h</c> types; bool, 16-bit and 8-bit floats as
    /// their one- and two-byte storage, as ONNX stores them; 4-bit types as bytes of two elements).</summary>
    public static string ToCType(ElementType type) => type switch
    {
        ElementType.Float => "float",
        ElementType.Double => "double",
        ElementType.Float16 or ElementType.BFloat16 or ElementType.UInt16 => "uint16_t",
        ElementType.Int8 => "int8_t",
        ElementType.Int16 => "int16_t",
        ElementType.Int32 => "int32_t",
        ElementType.Int64 => "int64_t",
        ElementType.UInt8 or ElementType.Bool or ElementType.Float8E4M3FN or ElementType.Float8E4M3FNUZ or ElementType.Float8E5M2
            or ElementType.Float8E5M2FNUZ or ElementType.Int4 or ElementType.UInt4 or ElementType.Float4E2M1 => "uint8_t",
        ElementType.UInt32 => "uint32_t",
        ElementType.UInt64 => "uint64_t",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No ODLA element type."),
    };
}
