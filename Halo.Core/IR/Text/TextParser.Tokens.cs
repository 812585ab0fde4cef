using System.Globalization;

namespace Halo.Core.IR.Text;

internal sealed partial class TextParser
{
    private TextParseException Error(string message, TextToken? at = null)
    {
        var t = at ?? Current;
        return new TextParseException(message, t.Line, t.Column);
    }

    private bool PeekIs(int offset, string punct) =>
        _pos + offset < tokens.Count && tokens[_pos + offset].Is(TextTokenKind.Punct, punct);

    private bool Accept(string punct)
    {
        if (Current.Is(TextTokenKind.Punct, punct))
        {
            _pos++;
            return true;
        }
        return false;
    }

    private void Expect(string punct)
    {
        if (!Accept(punct))
        {
            throw Error($"expected '{punct}', found '{Current.Text}'");
        }
    }

    private void ExpectWord(string word)
    {
        if (!Current.Is(TextTokenKind.Identifier, word))
        {
            throw Error($"expected '{word}', found '{Current.Text}'");
        }
        _pos++;
    }

    private void ExpectEnd()
    {
        if (Current.Kind != TextTokenKind.End)
        {
            throw Error($"unexpected '{Current.Text}' after the end");
        }
    }

    private string ExpectString()
    {
        if (Current.Kind != TextTokenKind.String)
        {
            throw Error($"expected a string, found '{Current.Text}'");
        }
        return tokens[_pos++].Text;
    }

    private T ExpectColonThen<T>(Func<T> parse)
    {
        Expect(":");
        return parse();
    }

    /// <summary>A bare identifier or a quoted string.</summary>
    private string ParseName()
    {
        if (Current.Kind is TextTokenKind.Identifier or TextTokenKind.String)
        {
            return tokens[_pos++].Text;
        }
        throw Error($"expected a name, found '{Current.Text}'");
    }

    private (string Name, TextToken Token) ParseValueName()
    {
        var at = Current;
        Expect("%");
        return (ParseName(), at);
    }

    private long ParseLong()
    {
        var t = Current;
        if (t.Kind == TextTokenKind.Number && long.TryParse(t.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v))
        {
            _pos++;
            return v;
        }
        throw Error($"expected an integer, found '{t.Text}'");
    }

    private double ParseDouble()
    {
        var t = Current;
        _pos++;
        return DoubleOf(t);
    }

    private double DoubleOf(TextToken t) =>
        t.Text switch
        {
            "nan" or "-nan" => double.NaN,
            "inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            _ when t.Kind == TextTokenKind.Number && double.TryParse(t.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => d,
            _ => throw Error($"expected a number, found '{t.Text}'", t),
        };

    /// <summary>Parses <c>{ item, item }</c> where <paramref name="item"/> consumes one entry.</summary>
    private void ParseMap(Action item)
    {
        Expect("{");
        bool first = true;
        while (!Accept("}"))
        {
            if (!first)
            {
                Expect(",");
            }
            item();
            first = false;
        }
    }

    /// <summary>Parses <c>[ item, item ]</c>.</summary>
    private List<T> ParseList<T>(Func<T> item)
    {
        Expect("[");
        var result = new List<T>();
        while (!Accept("]"))
        {
            if (result.Count > 0)
            {
                Expect(",");
            }
            result.Add(item());
        }
        return result;
    }
}
