using System.Globalization;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Cli.Commands;

/// <summary>One-line descriptions of results and file names for them.</summary>
internal static class ValueSummary
{
    private const int Shown = 8;

    public static string Describe(string name, RuntimeValue value)
    {
        if (value is not TensorValue { Data: var data })
        {
            return $"{name}: {value.Type}";
        }
        string items = data.ElementType == ElementType.String
            ? string.Join(", ", data.Strings.Take(Shown).Select(s => "\"" + s + "\""))
            : string.Join(", ", (TensorValues.ToDoubleArray(data) ?? []).Take(Shown).Select(v => v.ToString("G6", CultureInfo.InvariantCulture)));
        string more = data.ElementCount > Shown ? ", ..." : string.Empty;
        return $"{name}: {data.Type} = [{items}{more}]";
    }

    /// <summary>A file name for output <paramref name="index"/>: its name with path characters replaced.</summary>
    public static string FileName(string name, int index)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_').ToArray();
        string safe = new string(chars).Trim('.');
        return (safe.Length == 0 ? "output_" + index.ToString(CultureInfo.InvariantCulture) : safe) + ".pb";
    }
}
