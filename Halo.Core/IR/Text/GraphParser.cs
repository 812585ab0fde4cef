using System.Collections.Immutable;
using Halo.Core.Diagnostics;

namespace Halo.Core.IR.Text;

/// <summary>Reads the IR text form written by <see cref="GraphPrinter"/>. Syntax errors become HALO2009
/// diagnostics (line and column), never exceptions. Operations keep their printed types (no inference);
/// run the verifier to check them.</summary>
public static class GraphParser
{
    /// <summary>Parses a model (a <c>model</c> header line followed by a graph); null on error.</summary>
    public static HaloModel? ParseModel(string text, out ImmutableArray<Diagnostic> diagnostics) =>
        Run(text, p => p.ParseModel(), out diagnostics);

    /// <summary>Parses a single graph; null on error.</summary>
    public static Graph? ParseGraph(string text, out ImmutableArray<Diagnostic> diagnostics) =>
        Run(text, p => p.ParseTopGraph(), out diagnostics);

    private static T? Run<T>(string text, Func<TextParser, T> parse, out ImmutableArray<Diagnostic> diagnostics)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var result = parse(new TextParser(new TextLexer(text).Tokenize()));
            diagnostics = ImmutableArray<Diagnostic>.Empty;
            return result;
        }
        catch (TextParseException e)
        {
            diagnostics = [Diagnostic.Create(CoreDiagnostics.TextSyntaxError, ModelLocation.None, e.Line, e.Column, e.Message)];
            return null;
        }
    }
}
