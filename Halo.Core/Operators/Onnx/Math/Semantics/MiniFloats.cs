using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Types;

namespace Halo.Core.Operators.Onnx.Math.Semantics;

/// <summary>The float8 formats (E4M3FN, E4M3FNUZ, E5M2, E5M2FNUZ) and float4 E2M1: decoding, and encoding with
/// round to nearest even and optional saturation, via a table of the format's non-negative finite values.</summary>
internal static class MiniFloats
{
    private static readonly double[] s_e4m3fn = Table(4, 3, 7, code => code == 0x7F);
    private static readonly double[] s_e4m3fnuz = Table(4, 3, 8, _ => false);
    private static readonly double[] s_e5m2 = Table(5, 2, 15, code => code >= 0x7C);
    private static readonly double[] s_e5m2fnuz = Table(5, 2, 16, _ => false);
    private static readonly double[] s_e2m1 = Table(2, 1, 1, _ => false);

    /// <summary>Whether <paramref name="type"/> is one of the float8 types or float4.</summary>
    public static bool IsFloat8(ElementType type) => type is ElementType.Float8E4M3FN or ElementType.Float8E4M3FNUZ
        or ElementType.Float8E5M2 or ElementType.Float8E5M2FNUZ or ElementType.Float4E2M1;

    /// <summary>Decodes all elements.</summary>
    public static double[] Read(TensorData data)
    {
        var bytes = data.Bytes.Span;
        var result = new double[data.ElementCount];
        bool four = data.ElementType == ElementType.Float4E2M1;
        for (int i = 0; i < result.Length; i++)
        {
            int code = four ? (bytes[i / 2] >> (i % 2 * 4)) & 0xF : bytes[i];
            result[i] = Decode(data.ElementType, code);
        }
        return result;
    }

    /// <summary>Encodes all elements (saturate: out-of-range values and infinities become the largest finite value).</summary>
    public static TensorData Write(ElementType type, double[] values, ImmutableArray<long> dims, bool saturate)
    {
        if (type == ElementType.Float4E2M1)
        {
            var packed = new byte[(values.Length + 1) / 2];
            for (int i = 0; i < values.Length; i++)
            {
                packed[i / 2] |= (byte)(Encode(type, values[i], saturate) << (i % 2 * 4));
            }
            return TensorData.FromBytes(type, dims, packed);
        }
        var bytes = new byte[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            bytes[i] = (byte)Encode(type, values[i], saturate);
        }
        return TensorData.FromBytes(type, dims, bytes);
    }

    /// <summary>The value of one code.</summary>
    public static double Decode(ElementType type, int code)
    {
        var (table, signBit, nan) = Format(type);
        bool negative = (code & signBit) != 0;
        int magnitude = code & (signBit - 1);
        if (type is ElementType.Float8E4M3FNUZ or ElementType.Float8E5M2FNUZ && code == 0x80)
        {
            return double.NaN;
        }
        if (type == ElementType.Float8E4M3FN && magnitude == 0x7F)
        {
            return double.NaN;
        }
        if (type == ElementType.Float8E5M2 && magnitude >= 0x7C)
        {
            return magnitude == 0x7C ? (negative ? double.NegativeInfinity : double.PositiveInfinity) : double.NaN;
        }
        _ = nan;
        double v = table[magnitude];
        return negative ? -v : v;
    }

    /// <summary>The code of the nearest value (ties to even).</summary>
    public static int Encode(ElementType type, double value, bool saturate)
    {
        var (table, signBit, nan) = Format(type);
        bool negative = double.IsNegative(value);
        int sign = negative ? signBit : 0;
        if (double.IsNaN(value))
        {
            return IsUz(type) ? nan : nan | sign;
        }
        double a = System.Math.Abs(value);
        int last = table.Length - 1;
        if (a > table[last])
        {
            // Halfway past the largest value rounds to even: down for E4M3 (odd code above), up for E5M2 (to infinity).
            double half = table[last] + ((table[last] - table[last - 1]) / 2);
            bool overflow = double.IsInfinity(a) || a > half || (a == half && type == ElementType.Float8E5M2);
            if (!overflow || saturate || type == ElementType.Float4E2M1)
            {
                return sign | last;
            }
            return type == ElementType.Float8E5M2 ? sign | 0x7C : IsUz(type) ? nan : nan | sign;
        }
        int lo = Array.BinarySearch(table, a);
        if (lo >= 0)
        {
            return lo == 0 ? (IsUz(type) ? 0 : sign) : sign | lo;
        }
        int hi = ~lo;
        lo = hi - 1;
        double dl = a - table[lo], dh = table[hi] - a;
        int pick = dl < dh ? lo : dh < dl ? hi : (lo % 2 == 0 ? lo : hi);
        return pick == 0 && IsUz(type) ? 0 : sign | pick;
    }

    private static bool IsUz(ElementType type) => type is ElementType.Float8E4M3FNUZ or ElementType.Float8E5M2FNUZ;

    private static (double[] Table, int SignBit, int NaN) Format(ElementType type) => type switch
    {
        ElementType.Float8E4M3FN => (s_e4m3fn, 0x80, 0x7F),
        ElementType.Float8E4M3FNUZ => (s_e4m3fnuz, 0x80, 0x80),
        ElementType.Float8E5M2 => (s_e5m2, 0x80, 0x7F),
        ElementType.Float8E5M2FNUZ => (s_e5m2fnuz, 0x80, 0x80),
        _ => (s_e2m1, 0x8, 0x7),
    };

    /// <summary>Values of the codes 0 .. (first special code - 1), increasing.</summary>
    private static double[] Table(int exponentBits, int mantissaBits, int bias, Func<int, bool> special)
    {
        int count = 1 << (exponentBits + mantissaBits);
        var values = new List<double>(count);
        for (int code = 0; code < count && !special(code); code++)
        {
            int e = code >> mantissaBits;
            int f = code & ((1 << mantissaBits) - 1);
            double m = e == 0 ? f / (double)(1 << mantissaBits) : 1 + (f / (double)(1 << mantissaBits));
            values.Add(m * System.Math.Pow(2, (e == 0 ? 1 : e) - bias));
        }
        return [.. values];
    }
}
