using System.Globalization;
using System.Text;
using Halo.Core.IR.Types;

namespace Halo.Core.IR.Text;

/// <summary>The data part of a tensor literal: <c>[1, 2, 3]</c> for short numeric tensors, <c>["a"]</c> for
/// strings, <c>b64"..."</c> (the packed bytes in base64) otherwise.</summary>
internal static class TensorLiteral
{
    public static void Write(StringBuilder sb, TensorData data, int maxListed)
    {
        if (data.ElementType == ElementType.String)
        {
            sb.Append('[').AppendJoin(", ", data.Strings.Select(TextSyntax.Quote)).Append(']');
            return;
        }
        if (data.ElementCount <= maxListed && IsListable(data.ElementType))
        {
            sb.Append('[');
            if (data.ElementType is ElementType.Float or ElementType.Double)
            {
                sb.AppendJoin(", ", TensorValues.ToDoubleArray(data)!.Select(v => TextSyntax.Float(v, data.ElementType == ElementType.Float)));
            }
            else
            {
                sb.AppendJoin(", ", ToStrings(data));
            }
            sb.Append(']');
            return;
        }
        sb.Append("b64").Append(TextSyntax.Quote(Convert.ToBase64String(data.Bytes.Span)));
    }

    public static bool IsListable(ElementType type) => type is ElementType.Float or ElementType.Double or ElementType.Bool
        or ElementType.Int8 or ElementType.Int16 or ElementType.Int32 or ElementType.Int64
        or ElementType.UInt8 or ElementType.UInt16 or ElementType.UInt32 or ElementType.UInt64;

    private static IEnumerable<string> ToStrings(TensorData data)
    {
        if (data.ElementType == ElementType.UInt64)
        {
            var span = data.AsSpan<ulong>();
            var result = new string[span.Length];
            for (int i = 0; i < span.Length; i++)
            {
                result[i] = span[i].ToString(CultureInfo.InvariantCulture);
            }
            return result;
        }
        return TensorValues.ToInt64Array(data)!.Select(v => v.ToString(CultureInfo.InvariantCulture));
    }
}
