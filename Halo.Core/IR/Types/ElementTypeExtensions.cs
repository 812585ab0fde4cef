using System.Collections.Frozen;

namespace Halo.Core.IR.Types;

/// <summary>Facts about <see cref="ElementType"/> values: sizes, names and categories.</summary>
public static class ElementTypeExtensions
{
    private static readonly FrozenDictionary<string, ElementType> s_byName =
        Enum.GetValues<ElementType>().ToFrozenDictionary(t => t.GetName(), t => t, StringComparer.Ordinal);

    /// <summary>The last element type value this version knows.</summary>
    public const ElementType MaxKnown = ElementType.Float4E2M1;

    /// <summary>Whether <paramref name="value"/> is a known ONNX data type number.</summary>
    public static bool IsKnownDataType(long value) => value >= 0 && value <= (long)MaxKnown;

    /// <summary>Size of one element in bits (4 for the 4-bit types, 0 for strings and undefined).</summary>
    public static int BitWidth(this ElementType type) => type switch
    {
        ElementType.Bool or ElementType.Int8 or ElementType.UInt8 or ElementType.Float8E4M3FN
            or ElementType.Float8E4M3FNUZ or ElementType.Float8E5M2 or ElementType.Float8E5M2FNUZ => 8,
        ElementType.Int16 or ElementType.UInt16 or ElementType.Float16 or ElementType.BFloat16 => 16,
        ElementType.Int32 or ElementType.UInt32 or ElementType.Float => 32,
        ElementType.Int64 or ElementType.UInt64 or ElementType.Double or ElementType.Complex64 => 64,
        ElementType.Complex128 => 128,
        ElementType.Int4 or ElementType.UInt4 or ElementType.Float4E2M1 => 4,
        _ => 0,
    };

    /// <summary>Number of bytes that <paramref name="elementCount"/> packed elements occupy, or -1 on overflow
    /// or for variable-size types (strings).</summary>
    public static long ByteCount(this ElementType type, long elementCount)
    {
        int bits = type.BitWidth();
        if (bits == 0 || elementCount < 0)
        {
            return -1;
        }
        if (bits == 4)
        {
            return (elementCount + 1) / 2;
        }
        long bytes = bits / 8;
        return elementCount > long.MaxValue / bytes ? -1 : elementCount * bytes;
    }

    /// <summary>Whether the type is a floating-point type (including float8, float4 and bfloat16).</summary>
    public static bool IsFloatingPoint(this ElementType type) => type is ElementType.Float or ElementType.Double
        or ElementType.Float16 or ElementType.BFloat16 or ElementType.Float8E4M3FN or ElementType.Float8E4M3FNUZ
        or ElementType.Float8E5M2 or ElementType.Float8E5M2FNUZ or ElementType.Float4E2M1;

    /// <summary>Whether the type is a signed or unsigned integer type (including 4-bit).</summary>
    public static bool IsInteger(this ElementType type) => type is ElementType.Int8 or ElementType.Int16
        or ElementType.Int32 or ElementType.Int64 or ElementType.UInt8 or ElementType.UInt16 or ElementType.UInt32
        or ElementType.UInt64 or ElementType.Int4 or ElementType.UInt4;

    /// <summary>The short lower-case name used in the IR text form (<c>f32</c>, <c>i64</c>, <c>bool</c>...).</summary>
    public static string GetName(this ElementType type) => type switch
    {
        ElementType.Undefined => "undefined",
        ElementType.Float => "f32",
        ElementType.UInt8 => "u8",
        ElementType.Int8 => "i8",
        ElementType.UInt16 => "u16",
        ElementType.Int16 => "i16",
        ElementType.Int32 => "i32",
        ElementType.Int64 => "i64",
        ElementType.String => "string",
        ElementType.Bool => "bool",
        ElementType.Float16 => "f16",
        ElementType.Double => "f64",
        ElementType.UInt32 => "u32",
        ElementType.UInt64 => "u64",
        ElementType.Complex64 => "c64",
        ElementType.Complex128 => "c128",
        ElementType.BFloat16 => "bf16",
        ElementType.Float8E4M3FN => "f8e4m3fn",
        ElementType.Float8E4M3FNUZ => "f8e4m3fnuz",
        ElementType.Float8E5M2 => "f8e5m2",
        ElementType.Float8E5M2FNUZ => "f8e5m2fnuz",
        ElementType.UInt4 => "u4",
        ElementType.Int4 => "i4",
        ElementType.Float4E2M1 => "f4e2m1",
        _ => "unknown",
    };

    /// <summary>Parses a name produced by <see cref="GetName"/>.</summary>
    public static bool TryParseName(string name, out ElementType type) => s_byName.TryGetValue(name, out type);
}
