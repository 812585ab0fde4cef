using System.Collections.Immutable;
using System.Globalization;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Math.Semantics;

/// <summary>Reference kernels of Cast, CastLike, Identity and Dropout.</summary>
internal static class CastKernels
{
    /// <summary>Cast to the inferred result type (the <c>to</c> attribute).</summary>
    public static void Cast(EvaluationContext ctx) =>
        ctx.SetOutput(0, Convert(ctx, ctx.Tensor(0), Numbers.OutputType(ctx, 0), ctx.GetInt("saturate", 1) != 0));

    /// <summary>CastLike: to the element type of the second operand.</summary>
    public static void CastLike(EvaluationContext ctx) =>
        ctx.SetOutput(0, Convert(ctx, ctx.Tensor(0), ctx.Tensor(1).ElementType, ctx.GetInt("saturate", 1) != 0));

    /// <summary>Identity: the operand itself (tensor, sequence or optional).</summary>
    public static void Identity(EvaluationContext ctx)
    {
        ctx.SetOutput(0, ctx.Input(0) ?? throw new EvaluationException($"{ctx.Schema.Id}: the operand is missing"));
    }

    /// <summary>Converts every element as ONNX Cast does: floats round to nearest even, float to integer truncates,
    /// integers wrap, anything nonzero is true, strings parse and print in the invariant culture.</summary>
    public static TensorData Convert(EvaluationContext ctx, TensorData x, ElementType to, bool saturate)
    {
        var from = x.ElementType;
        if (from == to)
        {
            return x;
        }
        if (to == ElementType.String)
        {
            return ToStrings(x);
        }
        if (from == ElementType.String)
        {
            return FromStrings(ctx, x, to);
        }
        if (MiniFloats.IsFloat8(to))
        {
            return MiniFloats.Write(to, Numbers.ReadDoubles(x), x.Dimensions, saturate);
        }
        if (to is ElementType.Int4 or ElementType.UInt4 && Numbers.IsFloat(from))
        {
            // ONNX: casting floats to 4-bit integers rounds to nearest even and clamps to the type's range.
            var d = Numbers.ReadDoubles(x);
            double lo = to == ElementType.Int4 ? -8 : 0, hi = to == ElementType.Int4 ? 7 : 15;
            var l = new long[d.Length];
            for (int i = 0; i < l.Length; i++)
            {
                l[i] = double.IsNaN(d[i]) ? 0 : (long)System.Math.Clamp(System.Math.Round(d[i], MidpointRounding.ToEven), lo, hi);
            }
            return Numbers.FromLongs(to, l, x.Dimensions);
        }
        if (Numbers.IsFloat(from) || Numbers.IsFloat(to) || from == ElementType.UInt64)
        {
            if (!Numbers.IsFloat(from) && !Numbers.IsFloat(to))
            {
                return Numbers.FromLongs(to, Numbers.ReadLongs(x), x.Dimensions);
            }
            return Numbers.FromDoubles(to, Numbers.ReadDoubles(x), x.Dimensions);
        }
        return Numbers.FromLongs(to, Numbers.ReadLongs(x), x.Dimensions);
    }

    private static TensorData ToStrings(TensorData x)
    {
        var b = ImmutableArray.CreateBuilder<string>((int)x.ElementCount);
        if (Numbers.IsFloat(x.ElementType))
        {
            bool single = x.ElementType != ElementType.Double;
            foreach (double v in Numbers.ReadDoubles(x))
            {
                b.Add(double.IsNaN(v) ? "NaN" : double.IsPositiveInfinity(v) ? "INF" : double.IsNegativeInfinity(v) ? "-INF"
                    : single ? ((float)v).ToString("R", CultureInfo.InvariantCulture) : v.ToString("R", CultureInfo.InvariantCulture));
            }
        }
        else if (x.ElementType == ElementType.UInt64)
        {
            foreach (ulong v in x.AsSpan<ulong>())
            {
                b.Add(v.ToString(CultureInfo.InvariantCulture));
            }
        }
        else
        {
            bool boolean = x.ElementType == ElementType.Bool;
            foreach (long v in Numbers.ReadLongs(x))
            {
                b.Add(boolean ? (v != 0 ? "1" : "0") : v.ToString(CultureInfo.InvariantCulture));
            }
        }
        return TensorData.FromStrings(b.MoveToImmutable(), x.Dimensions);
    }

    private static TensorData FromStrings(EvaluationContext ctx, TensorData x, ElementType to)
    {
        var d = new double[x.Strings.Length];
        var l = new long[d.Length];
        bool integer = !Numbers.IsFloat(to);
        for (int i = 0; i < d.Length; i++)
        {
            string s = x.Strings[i].Trim();
            if (integer && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v))
            {
                l[i] = v;
                d[i] = v;
                continue;
            }
            d[i] = ParseReal(ctx, s);
            l[i] = double.IsNaN(d[i]) ? 0 : (long)d[i];
        }
        return integer ? Numbers.FromLongs(to, l, x.Dimensions) : Numbers.FromDoubles(to, d, x.Dimensions);
    }

    private static double ParseReal(EvaluationContext ctx, string s)
    {
        string t = s.ToUpperInvariant().TrimStart('+');
        if (t is "INF" or "INFINITY")
        {
            return s.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity;
        }
        if (t is "-INF" or "-INFINITY")
        {
            return double.NegativeInfinity;
        }
        if (t is "NAN" or "-NAN")
        {
            return double.NaN;
        }
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
        {
            ctx.Fail($"cannot convert the string '{s}' to a number");
        }
        return v;
    }
}
