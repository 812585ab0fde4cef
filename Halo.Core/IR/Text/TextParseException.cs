namespace Halo.Core.IR.Text;

/// <summary>A syntax error in IR text; caught by <see cref="GraphParser"/> and turned into HALO2009.</summary>
internal sealed class TextParseException(string message, int line, int column) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
