namespace Halo.Core.IR.Text;

/// <summary>One token of the IR text: its kind, text (unescaped for strings) and position.</summary>
internal readonly record struct TextToken(TextTokenKind Kind, string Text, int Line, int Column)
{
    public bool Is(TextTokenKind kind, string text) => Kind == kind && Text == text;
}
