using System.Globalization;
using System.Text;

namespace Halo.Core.IR.Text;

/// <summary>Splits IR text into tokens.</summary>
internal sealed class TextLexer(string text)
{
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    public List<TextToken> Tokenize()
    {
        var tokens = new List<TextToken>();
        while (true)
        {
            SkipSpace();
            int line = _line;
            int col = _pos - _lineStart + 1;
            if (_pos >= text.Length)
            {
                tokens.Add(new(TextTokenKind.End, string.Empty, line, col));
                return tokens;
            }
            char c = text[_pos];
            if (c == '"')
            {
                tokens.Add(new(TextTokenKind.String, ReadString(), line, col));
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && _pos + 1 < text.Length && (char.IsAsciiDigit(text[_pos + 1]) || text[_pos + 1] == 'i')))
            {
                tokens.Add(new(TextTokenKind.Number, ReadNumber(), line, col));
            }
            else if (TextSyntax.IsIdentifierStart(c))
            {
                int start = _pos;
                while (_pos < text.Length && TextSyntax.IsIdentifierPart(text[_pos]) && !(text[_pos] == ':' && Peek(1) == ':'))
                {
                    _pos++;
                }
                string word = text[start.._pos];
                tokens.Add(new(word is "nan" or "inf" ? TextTokenKind.Number : TextTokenKind.Identifier, word, line, col));
            }
            else if ((c == '-' && Peek(1) == '>') || (c == ':' && Peek(1) == ':'))
            {
                tokens.Add(new(TextTokenKind.Punct, text.Substring(_pos, 2), line, col));
                _pos += 2;
            }
            else if ("%(){}[]<>,:=@?*".Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(new(TextTokenKind.Punct, c.ToString(), line, col));
                _pos++;
            }
            else
            {
                throw new TextParseException($"unexpected character '{c}'", line, col);
            }
        }
    }

    private char Peek(int offset) => _pos + offset < text.Length ? text[_pos + offset] : '\0';

    private void SkipSpace()
    {
        while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
        {
            if (text[_pos] == '\n')
            {
                _line++;
                _lineStart = _pos + 1;
            }
            _pos++;
        }
    }

    private string ReadNumber()
    {
        int start = _pos;
        _pos++;
        while (_pos < text.Length && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] == '.'
            || (text[_pos] is '+' or '-' && text[_pos - 1] is 'e' or 'E')))
        {
            _pos++;
        }
        return text[start.._pos];
    }

    private string ReadString()
    {
        int line = _line;
        int col = _pos - _lineStart + 1;
        var sb = new StringBuilder();
        _pos++;
        while (true)
        {
            if (_pos >= text.Length || text[_pos] == '\n')
            {
                throw new TextParseException("unterminated string", line, col);
            }
            char c = text[_pos++];
            if (c == '"')
            {
                return sb.ToString();
            }
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            char e = _pos < text.Length ? text[_pos++] : '\0';
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case '"' or '\\': sb.Append(e); break;
                case 'u' when _pos + 4 <= text.Length
                    && int.TryParse(text.AsSpan(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code):
                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default: throw new TextParseException($"bad escape '\\{e}'", line, col);
            }
        }
    }
}
