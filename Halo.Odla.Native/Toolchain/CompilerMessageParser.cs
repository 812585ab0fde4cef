using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Halo.Odla.Native.Toolchain;

/// <summary>Parses GCC/Clang and GNU ld output into <see cref="CompilerMessage"/>s.</summary>
internal static partial class CompilerMessageParser
{
    // At most this many messages become diagnostics: one syntax error can cascade into hundreds.
    public const int MaxMessages = 20;

    [GeneratedRegex(@"^(?<file>[^:\r\n]+):(?<line>\d+):(?:(?<column>\d+):)?\s*(?<severity>fatal error|error|warning|note):\s*(?<text>.*)$")]
    private static partial Regex CompilerLine();

    // GNU ld: "/usr/bin/ld: demo.o: in function `f': demo.c:(.text+0x9): undefined reference to `g'", "cannot find -lfoo".
    [GeneratedRegex(@"(undefined reference to|cannot find|multiple definition of|error:|collect2: error|ld returned|file format not recognized|undefined symbol)")]
    private static partial Regex LinkerErrorLine();

    public static ImmutableArray<CompilerMessage> Parse(string output)
    {
        var messages = ImmutableArray.CreateBuilder<CompilerMessage>();
        foreach (string line in Lines(output))
        {
            Match m = CompilerLine().Match(line);
            if (!m.Success)
            {
                continue;
            }
            int column = m.Groups["column"].Success ? int.Parse(m.Groups["column"].ValueSpan, CultureInfo.InvariantCulture) : 0;
            messages.Add(new CompilerMessage(m.Groups["file"].Value, int.Parse(m.Groups["line"].ValueSpan, CultureInfo.InvariantCulture),
                column, m.Groups["severity"].Value, m.Groups["text"].Value.Trim(), line));
        }
        return messages.ToImmutable();
    }

    /// <summary>The lines of linker output that say what went wrong, without the generic "ld returned 1" summary when others exist.</summary>
    public static ImmutableArray<string> LinkerErrors(string output)
    {
        var errors = Lines(output).Where(l => LinkerErrorLine().IsMatch(l)).ToList();
        var specific = errors.Where(l => !l.Contains("ld returned", StringComparison.Ordinal)).ToList();
        return [.. (specific.Count > 0 ? specific : errors).Take(MaxMessages)];
    }

    /// <summary>The last non-empty lines of a tool's output, for failures whose messages have no recognizable form.</summary>
    public static string Tail(string output, int lines = 5)
    {
        var all = Lines(output).ToList();
        return all.Count == 0 ? "the tool printed nothing" : string.Join(" | ", all.Skip(Math.Max(0, all.Count - lines)));
    }

    private static IEnumerable<string> Lines(string output) =>
        output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0);
}
