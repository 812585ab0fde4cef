using System.Globalization;
using System.Text;

namespace Halo.Core.IR.Text;

/// <summary>Lexical rules shared by the IR printer and parser.</summary>
internal static class TextSyntax
{
    public static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_';

    public static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':' or '/' or '-';

    /// <summary>A name as printed after <c>%</c>: bare when it only has identifier characters, else quoted.</summary>
    public static string Name(string name) =>
        name.Length > 0 && IsIdentifierStart(name[0]) && name.All(IsIdentifierPart) && !name.Contains("::", StringComparison.Ordinal)
            ? name : Quote(name);

    /// <summary>A dimension symbol: bare when it is an identifier, else quoted.</summary>
    public static string Symbol(string name) =>
        name.Length > 0 && IsIdentifierStart(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? name : Quote(name);

    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    /// <summary>A float that parses back to the same bits class: always has a '.', 'e', or is nan/inf.</summary>
    public static string Float(double value, bool single)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }
        string s = single ? ((float)value).ToString("R", CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);
        return s.Contains('.', StringComparison.Ordinal) || s.Contains('E', StringComparison.Ordinal) ? s : s + ".0";
    }
}
