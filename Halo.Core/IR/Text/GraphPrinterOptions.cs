namespace Halo.Core.IR.Text;

/// <summary>Options of <see cref="GraphPrinter"/>.</summary>
public sealed record GraphPrinterOptions
{
    /// <summary>Full output: every constant with all its data, so that the text parses back.</summary>
    public static GraphPrinterOptions Full { get; } = new();

    /// <summary>Constants with more elements than this are printed as <c>elided</c> (readable, but the text
    /// no longer parses). Null prints everything.</summary>
    public long? ElideConstantsAbove { get; init; }

    /// <summary>Constants with at most this many elements are printed as a list of numbers rather than base64.</summary>
    public int MaxListedElements { get; init; } = 16;
}
