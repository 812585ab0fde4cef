using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Halo.Backends.Odla.Emit;

/// <summary>C and C++ spelling: literals and identifiers, the same in both languages.</summary>
internal static class CSyntax
{
    private static readonly FrozenSet<string> s_keywords = FrozenSet.ToFrozenSet(
    [
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern", "float",
        "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed", "sizeof", "static",
        "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while", "_Bool", "_Complex", "_Imaginary",
        "alignas", "alignof", "and", "and_eq", "asm", "bitand", "bitor", "bool", "catch", "class", "compl", "concept",
        "const_cast", "consteval", "constexpr", "constinit", "co_await", "co_return", "co_yield", "decltype", "delete",
        "dynamic_cast", "explicit", "export", "false", "friend", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
        "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "reinterpret_cast", "requires",
        "static_assert", "static_cast", "template", "this", "thread_local", "throw", "true", "try", "typeid", "typename",
        "using", "virtual", "wchar_t", "xor", "xor_eq", "char8_t", "char16_t", "char32_t", "main",
    ], StringComparer.Ordinal);

    /// <summary>Whether <paramref name="name"/> is a C identifier that is not a C or C++ keyword.</summary>
    public static bool IsIdentifier(string name) => name.Length > 0 && !char.IsAsciiDigit(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !s_keywords.Contains(name);

    /// <summary>Turns <paramref name="name"/> into an identifier: other characters become '_', a leading digit or
    /// keyword gets a '_' prefix; empty becomes <paramref name="fallback"/>.</summary>
    public static string ToIdentifier(string? name, string fallback)
    {
        if (string.IsNullOrEmpty(name))
        {
            return fallback;
        }
        var text = new StringBuilder(name.Length + 1);
        foreach (char c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }
        string result = text.ToString();
        return char.IsAsciiDigit(result[0]) || s_keywords.Contains(result) ? "_" + result : result;
    }

    /// <summary>A string literal; non-printable and non-ASCII bytes are written as octal escapes (UTF-8).</summary>
    public static string StringLiteral(string value)
    {
        var text = new StringBuilder("\"");
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            text.Append(b switch
            {
                (byte)'"' => "\\\"",
                (byte)'\\' => "\\\\",
                (byte)'?' => "\\?",
                >= 0x20 and < 0x7f => ((char)b).ToString(),
                _ => "\\" + Convert.ToString(b, 8).PadLeft(3, '0'),
            });
        }
        return text.Append('"').ToString();
    }

    /// <summary>A float literal that round-trips (<c>1.0f</c>, <c>1e-05f</c>, <c>INFINITY</c>, <c>NAN</c>).</summary>
    public static string Float(double value)
    {
        float f = (float)value;
        if (float.IsNaN(f))
        {
            return "NAN";
        }
        if (float.IsInfinity(f))
        {
            return f > 0 ? "INFINITY" : "(-INFINITY)";
        }
        string text = f.ToString("R", CultureInfo.InvariantCulture);
        if (!text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal))
        {
            text += ".0";
        }
        return text + "f";
    }

    /// <summary>An integer literal.</summary>
    public static string Int(long value) => value == long.MinValue
        ? "(-9223372036854775807LL - 1)" : value.ToString(CultureInfo.InvariantCulture) + (value is > int.MaxValue or < int.MinValue ? "LL" : "");

    /// <summary><c>1</c> or <c>0</c> for an <c>odla_bool</c>.</summary>
    public static string Bool(bool value) => value ? "1" : "0";
}
