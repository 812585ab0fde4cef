using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Math.Semantics;

/// <summary>Elementwise drivers: unary and broadcasting binary operators computed in double for floating-point
/// types and exactly in int64 (or uint64) for integer types.</summary>
internal static class Elementwise
{
    /// <summary>A unary operator on every element; <paramref name="integer"/> serves integer and bool types.</summary>
    public static void Unary(EvaluationContext ctx, Func<double, double> real, Func<long, long>? integer = null)
    {
        var x = ctx.Tensor(0);
        var type = Numbers.OutputType(ctx, 0);
        if (Numbers.IsFloat(type) || integer is null)
        {
            var v = Numbers.ReadDoubles(x);
            for (int i = 0; i < v.Length; i++)
            {
                v[i] = real(v[i]);
            }
            ctx.SetOutput(0, Numbers.FromDoubles(type, v, x.Dimensions));
            return;
        }
        var l = Numbers.ReadLongs(x);
        for (int i = 0; i < l.Length; i++)
        {
            l[i] = integer(l[i]);
        }
        ctx.SetOutput(0, Numbers.FromLongs(type, l, x.Dimensions));
    }

    /// <summary>A binary operator with numpy (or opset 1/6 legacy) broadcasting. <paramref name="unsigned"/>, when
    /// given, serves uint64 where int64 arithmetic would differ.</summary>
    public static void Binary(EvaluationContext ctx, Func<double, double, double> real, Func<long, long, long> integer,
        Func<ulong, ulong, ulong>? unsigned = null)
    {
        var (a, b, dims, ma, mb) = Operands(ctx);
        var type = Numbers.OutputType(ctx, 0);
        var shape = ImmutableArray.Create(dims);
        if (Numbers.IsFloat(type))
        {
            var va = Numbers.ReadDoubles(a);
            var vb = Numbers.ReadDoubles(b);
            var r = new double[ma.Length];
            for (int i = 0; i < r.Length; i++)
            {
                r[i] = real(va[ma[i]], vb[mb[i]]);
            }
            ctx.SetOutput(0, Numbers.FromDoubles(type, r, shape));
            return;
        }
        var la = Numbers.ReadLongs(a);
        var lb = Numbers.ReadLongs(b);
        var lr = new long[ma.Length];
        try
        {
            bool u = unsigned is not null && type == ElementType.UInt64;
            for (int i = 0; i < lr.Length; i++)
            {
                lr[i] = u ? unchecked((long)unsigned!((ulong)la[ma[i]], (ulong)lb[mb[i]])) : integer(la[ma[i]], lb[mb[i]]);
            }
        }
        catch (DivideByZeroException)
        {
            ctx.Fail("integer division by zero");
        }
        ctx.SetOutput(0, Numbers.FromLongs(type, lr, shape));
    }

    /// <summary>A comparison with a bool result; operands of any numeric type, bool, or string (ordinal).</summary>
    public static void Compare(EvaluationContext ctx, Func<int, bool> test)
    {
        var (a, b, dims, ma, mb) = Operands(ctx);
        var r = new bool[ma.Length];
        var t = a.ElementType;
        if (t == ElementType.String)
        {
            for (int i = 0; i < r.Length; i++)
            {
                r[i] = test(string.CompareOrdinal(a.Strings[ma[i]], b.Strings[mb[i]]));
            }
        }
        else if (Numbers.IsFloat(t))
        {
            var va = Numbers.ReadDoubles(a);
            var vb = Numbers.ReadDoubles(b);
            for (int i = 0; i < r.Length; i++)
            {
                double x = va[ma[i]], y = vb[mb[i]];
                // ONNX: any comparison with NaN is false (so is NaN == NaN).
                r[i] = !double.IsNaN(x) && !double.IsNaN(y) && test(x.CompareTo(y));
            }
        }
        else
        {
            var la = Numbers.ReadLongs(a);
            var lb = Numbers.ReadLongs(b);
            bool u = t == ElementType.UInt64;
            for (int i = 0; i < r.Length; i++)
            {
                long x = la[ma[i]], y = lb[mb[i]];
                r[i] = test(u ? ((ulong)x).CompareTo((ulong)y) : x.CompareTo(y));
            }
        }
        ctx.SetOutput(0, Numbers.FromBools(r, ImmutableArray.Create(dims)));
    }

    /// <summary>Both operands, the broadcast result shape and the per-element source indices.</summary>
    public static (TensorData A, TensorData B, long[] Dims, int[] MapA, int[] MapB) Operands(EvaluationContext ctx)
    {
        var a = ctx.Tensor(0);
        var b = ctx.Tensor(1);
        var bDims = Broadcast.Legacy(ctx, a.Dimensions, b.Dimensions);
        var dims = Broadcast.Shape(ctx, a.Dimensions, bDims);
        Numbers.Count(ctx, dims);
        return (a, b, dims, Broadcast.Map(a.Dimensions, dims), Broadcast.Map(bDims, dims));
    }
}
