using System.Collections.Immutable;
using System.Globalization;
using Halo.Core.Diagnostics;

namespace Halo.Passes.Shapes;

/// <summary>Parses HALO's <c>--input-shape NAME:D0xD1x...</c> option values.</summary>
public static class InputShapeParser
{
    /// <summary>Parses <paramref name="text"/> (<c>foo:1x3x10</c>; the name is everything before the last colon,
    /// each size a non-negative integer). On failure, <paramref name="diagnostic"/> is HALO3101.</summary>
    /// <returns>Whether the text is well formed.</returns>
    public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out InputShape? shape,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out Diagnostic? diagnostic)
    {
        ArgumentNullException.ThrowIfNull(text);
        shape = null;
        diagnostic = null;
        int colon = text.LastIndexOf(':');
        string name = colon > 0 ? text[..colon].Trim() : string.Empty;
        string sizes = colon >= 0 ? text[(colon + 1)..].Trim() : string.Empty;
        var dims = ImmutableArray.CreateBuilder<long>();
        foreach (string part in sizes.Split('x', 'X'))
        {
            if (!long.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long size))
            {
                dims = null;
                break;
            }
            dims.Add(size);
        }
        if (name.Length == 0 || dims is null)
        {
            diagnostic = Diagnostic.Create(PinInputShapes.InvalidInputShape, ModelLocation.None, text);
            return false;
        }
        shape = new InputShape(name, dims.ToImmutable());
        return true;
    }
}
