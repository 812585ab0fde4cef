using System.Globalization;

namespace Halo.Frontends.TensorFlow;

/// <summary>One entry of a NodeDef's <c>input</c> list: <c>node</c> (output 0), <c>node:k</c> (output k) or
/// <c>^node</c> (a control dependency, which carries no data).</summary>
/// <param name="NodeName">The producing node.</param>
/// <param name="OutputIndex">The producer's output.</param>
/// <param name="IsControl">Whether this is a control dependency.</param>
internal readonly record struct TensorFlowInputReference(string NodeName, int OutputIndex, bool IsControl)
{
    /// <summary>Parses <paramref name="text"/>; false for an empty name or a malformed output index.</summary>
    public static bool TryParse(string text, out TensorFlowInputReference reference)
    {
        reference = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        if (text[0] == '^')
        {
            reference = new(text[1..], 0, IsControl: true);
            return text.Length > 1;
        }
        int colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            reference = new(text, 0, IsControl: false);
            return true;
        }
        if (colon == 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            return false;
        }
        reference = new(text[..colon], index, IsControl: false);
        return true;
    }

    /// <summary>The value name used in the IR: <c>node</c> for output 0, <c>node:k</c> otherwise.</summary>
    public static string ValueName(string nodeName, int outputIndex) =>
        outputIndex == 0 ? nodeName : nodeName + ":" + outputIndex.ToString(CultureInfo.InvariantCulture);
}
