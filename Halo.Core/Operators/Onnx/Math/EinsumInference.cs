using Halo.Core.IR.Types;

namespace Halo.Core.Operators.Onnx.Math;

/// <summary>Einsum shape inference: parses the equation, binds labels to operand dimensions, broadcasts the
/// ellipsis dimensions, and builds the explicit (after <c>-&gt;</c>) or implicit (labels seen once, sorted) output.</summary>
internal static partial class EinsumInference
{
    private const string Ellipsis = "...";

    public static void Infer(InferenceContext ctx)
    {
        string equation = (ctx.GetString("equation", null) ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        string[] sides = equation.Split("->");
        if (sides.Length > 2)
        {
            ctx.Fail($"equation '{equation}' has more than one '->'");
            return;
        }
        string[] terms = sides[0].Split(',');
        if (terms.Length != ctx.InputCount)
        {
            ctx.Fail($"equation '{equation}' has {terms.Length} operand terms but there are {ctx.InputCount} inputs");
            return;
        }
        var state = new State();
        for (int i = 0; i < terms.Length; i++)
        {
            if (!state.Bind(ctx, terms[i], ctx.InputShape(i)))
            {
                return;
            }
        }
        if (!ShapeHelpers.TryBroadcast(state.EllipsisShapes, out var ellipsis, out string? error))
        {
            ctx.Fail("Einsum ellipsis dimensions: " + error);
            return;
        }
        if (state.UnrankedEllipsis)
        {
            ellipsis = Shape.Unranked;
        }
        string output = sides.Length == 2 ? sides[1] : Implicit(state);
        if (!TryParse(output, out var letters, out int ellipsisAt) || letters.Distinct().Count() != letters.Count)
        {
            ctx.Fail($"equation '{equation}' has a malformed output term '{output}'");
            return;
        }
        var dims = new List<Dimension>();
        for (int p = 0; p <= letters.Count; p++)
        {
            if (p == ellipsisAt)
            {
                if (!ellipsis.IsRanked)
                {
                    return;
                }
                dims.AddRange(ellipsis.Dimensions);
            }
            if (p == letters.Count)
            {
                break;
            }
            if (!state.Counts.ContainsKey(letters[p]))
            {
                ctx.Fail($"output label '{letters[p]}' of equation '{equation}' does not appear in any input");
                return;
            }
            dims.Add(state.Dims.TryGetValue(letters[p], out var d) ? d : Dimension.Unknown);
        }
        ctx.SetOutputShape(0, MathInference.ShapeOf(dims));
    }

    /// <summary>numpy: without '->', the output is the ellipsis dimensions then every label used once, in character order.</summary>
    private static string Implicit(State state) =>
        (state.HasEllipsis ? Ellipsis : string.Empty)
        + string.Concat(state.Counts.Where(kv => kv.Value == 1).Select(kv => kv.Key).Order());

    /// <summary>Splits a term into its labels and the position of the ellipsis among them (-1 when absent).</summary>
    private static bool TryParse(string term, out List<char> letters, out int ellipsisAt)
    {
        letters = [];
        ellipsisAt = -1;
        for (int i = 0; i < term.Length; i++)
        {
            char c = term[i];
            if (char.IsAsciiLetter(c))
            {
                letters.Add(c);
            }
            else if (c == '.' && ellipsisAt < 0 && string.CompareOrdinal(term, i, Ellipsis, 0, 3) == 0)
            {
                ellipsisAt = letters.Count;
                i += 2;
            }
            else
            {
                return false;
            }
        }
        return true;
    }
}
