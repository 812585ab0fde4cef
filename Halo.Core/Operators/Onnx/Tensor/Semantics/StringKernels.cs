using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Tensor.Semantics;

/// <summary>Reference semantics of StringNormalizer, StringConcat, StringSplit and RegexFullMatch.</summary>
internal static class StringKernels
{
    // SECURITY: patterns come from models; a runaway backtracking pattern stops here instead of hanging.
    private static readonly TimeSpan s_regexTimeout = TimeSpan.FromSeconds(2);

    public static void StringNormalizer(EvaluationContext ctx)
    {
        var x = ctx.Tensor(0);
        bool caseSensitive = ctx.GetInt("is_case_sensitive", 0) != 0;
        var stop = new HashSet<string>(ctx.Attr("stopwords")?.AsStrings() ?? [],
            caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
        string action = ctx.GetString("case_change_action", "NONE") ?? "NONE";
        var kept = new List<string>();
        foreach (string s in x.Strings)
        {
            if (!stop.Contains(s))
            {
                kept.Add(action switch
                {
                    "UPPER" => s.ToUpperInvariant(),
                    "LOWER" => s.ToLowerInvariant(),
                    _ => s,
                });
            }
        }
        if (kept.Count == 0)
        {
            kept.Add(string.Empty);
        }
        ImmutableArray<long> dims = x.Dimensions.Length == 2 ? [1, kept.Count] : [kept.Count];
        ctx.SetOutput(0, TensorData.FromStrings([.. kept], dims));
    }

    public static void StringConcat(EvaluationContext ctx)
    {
        TensorData a = ctx.Tensor(0), b = ctx.Tensor(1);
        var (dims, mapA, mapB) = Broadcast(ctx, a.Dimensions, b.Dimensions);
        var result = new string[mapA.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = string.Concat(a.Strings[(int)mapA[i]], b.Strings[(int)mapB[i]]);
        }
        ctx.SetOutput(0, TensorData.FromStrings([.. result], dims));
    }

    /// <summary>The broadcast shape of two operands and each output element's source element in both.</summary>
    public static (ImmutableArray<long> Dims, long[] MapA, long[] MapB) Broadcast(EvaluationContext ctx, ImmutableArray<long> a, ImmutableArray<long> b)
    {
        int rank = System.Math.Max(a.Length, b.Length);
        var dims = new long[rank];
        for (int k = 0; k < rank; k++)
        {
            long da = k - (rank - a.Length) >= 0 ? a[k - (rank - a.Length)] : 1;
            long db = k - (rank - b.Length) >= 0 ? b[k - (rank - b.Length)] : 1;
            if (da != db && da != 1 && db != 1)
            {
                ctx.Fail($"cannot broadcast sizes {da} and {db}");
            }
            dims[k] = da == 1 ? db : da;
        }
        var outDims = ImmutableArray.Create(dims);
        return (outDims, MapOf(outDims, a), MapOf(outDims, b));
    }

    private static long[] MapOf(ImmutableArray<long> outDims, ImmutableArray<long> inDims)
    {
        int rank = outDims.Length, offset = rank - inDims.Length;
        var inStrides = IndexMath.Strides(inDims);
        var tables = new long[rank][];
        var strides = new long[rank];
        for (int k = 0; k < rank; k++)
        {
            bool real = k >= offset && inDims[k - offset] != 1;
            tables[k] = real ? IndexMath.Iota(outDims[k]) : new long[outDims[k]];
            strides[k] = k >= offset ? inStrides[k - offset] : 0;
        }
        return IndexMath.Map(outDims, tables, strides);
    }

    public static void StringSplit(EvaluationContext ctx)
    {
        var x = ctx.Tensor(0);
        string? delimiter = ctx.GetString("delimiter", null);
        long maxSplit = ctx.Attr("maxsplit") is { } m ? m.AsInt() : long.MaxValue;
        var parts = x.Strings.Select(s => Split(s, delimiter, maxSplit)).ToList();
        int width = parts.Count == 0 ? 0 : parts.Max(p => p.Count);
        var y = new string[parts.Count * width];
        var z = new long[parts.Count];
        for (int i = 0; i < parts.Count; i++)
        {
            z[i] = parts[i].Count;
            for (int j = 0; j < width; j++)
            {
                y[i * width + j] = j < parts[i].Count ? parts[i][j] : string.Empty;
            }
        }
        ctx.SetOutput(0, TensorData.FromStrings([.. y], x.Dimensions.Add(width)));
        ctx.SetOutput(1, TensorFactory.FromInt64s(ElementType.Int64, z, x.Dimensions));
    }

    private static List<string> Split(string s, string? delimiter, long maxSplit)
    {
        var result = new List<string>();
        if (string.IsNullOrEmpty(delimiter))
        {
            int i = 0;
            while (true)
            {
                while (i < s.Length && char.IsWhiteSpace(s[i]))
                {
                    i++;
                }
                if (i >= s.Length)
                {
                    return result;
                }
                if (result.Count >= maxSplit)
                {
                    result.Add(s[i..].TrimEnd());
                    return result;
                }
                int start = i;
                while (i < s.Length && !char.IsWhiteSpace(s[i]))
                {
                    i++;
                }
                result.Add(s[start..i]);
            }
        }
        int at = 0;
        while (result.Count < maxSplit)
        {
            int next = s.IndexOf(delimiter, at, StringComparison.Ordinal);
            if (next < 0)
            {
                break;
            }
            result.Add(s[at..next]);
            at = next + delimiter.Length;
        }
        result.Add(s[at..]);
        return result;
    }

    public static void RegexFullMatch(EvaluationContext ctx)
    {
        var x = ctx.Tensor(0);
        string pattern = ctx.GetString("pattern", null) ?? string.Empty;
        Regex regex;
        try
        {
            regex = new Regex("^(?:" + pattern + ")\\z", RegexOptions.CultureInvariant, s_regexTimeout);
        }
        catch (ArgumentException e)
        {
            throw new EvaluationException($"invalid pattern: {e.Message}");
        }
        var result = new bool[x.Strings.Length];
        try
        {
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = regex.IsMatch(x.Strings[i]);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            ctx.Fail("the pattern took too long to match");
        }
        ctx.SetOutput(0, TensorData.Create<bool>(ElementType.Bool, result, [.. x.Dimensions]));
    }
}
