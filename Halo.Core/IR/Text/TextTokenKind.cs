namespace Halo.Core.IR.Text;

/// <summary>Kinds of IR text token.</summary>
internal enum TextTokenKind
{
    End,
    Identifier,
    String,
    Number,
    Punct,
}
