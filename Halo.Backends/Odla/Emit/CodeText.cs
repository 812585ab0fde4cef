using System.Text;

namespace Halo.Backends.Odla.Emit;

/// <summary>Builds generated text with '\n' line ends on every platform (same input, same bytes).</summary>
internal sealed class CodeText
{
    private readonly StringBuilder _text = new();

    public CodeText Line(string line = "")
    {
        _text.Append(line).Append('\n');
        return this;
    }

    public CodeText Lines(IEnumerable<string> lines, string indent = "")
    {
        foreach (string line in lines)
        {
            Line(indent + line);
        }
        return this;
    }

    public override string ToString() => _text.ToString();
}
