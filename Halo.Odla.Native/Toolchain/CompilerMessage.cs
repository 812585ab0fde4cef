namespace Halo.Odla.Native.Toolchain;

/// <summary>
/// One message of a compiler or linker in the GNU form <c>file:line:column: severity: text</c>, e.g.
/// <c>demo.c:3:12: error: expected ';' before 'return'</c>.
/// </summary>
/// <param name="FilePath">The file the message is about, as the tool printed it.</param>
/// <param name="Line">The 1-based line, or 0 when the tool gave none (linker messages).</param>
/// <param name="Column">The 1-based column, or 0 when the tool gave none.</param>
/// <param name="Severity">The tool's word: <c>error</c>, <c>fatal error</c>, <c>warning</c> or <c>note</c>.</param>
/// <param name="Text">The message text after the severity.</param>
/// <param name="RawLine">The whole line as the tool printed it.</param>
internal sealed record CompilerMessage(string FilePath, int Line, int Column, string Severity, string Text, string RawLine)
{
    /// <summary>Whether the tool considers this an error.</summary>
    public bool IsError => Severity is "error" or "fatal error";

    /// <summary>Whether this is a warning.</summary>
    public bool IsWarning => Severity == "warning";

    /// <inheritdoc />
    public override string ToString() => RawLine;
}
