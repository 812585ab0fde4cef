using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Math.Semantics;

/// <summary>Reference kernels of Max, Min, Sum, Mean (numpy broadcasting over any number of operands), Where and Clip.</summary>
internal static class VariadicKernels
{
    /// <summary>The kernel of the named variadic operator.</summary>
    public static ReferenceKernel For(string name) => name switch
    {
        "Max" => ctx => Fold(ctx, (a, b) => double.IsNaN(a) || a >= b ? a : b, (a, b) => System.Math.Max(a, b), (a, b) => System.Math.Max(a, b), false),
        "Min" => ctx => Fold(ctx, (a, b) => double.IsNaN(a) || a <= b ? a : b, (a, b) => System.Math.Min(a, b), (a, b) => System.Math.Min(a, b), false),
        "Sum" => ctx => Fold(ctx, (a, b) => a + b, (a, b) => unchecked(a + b), (a, b) => unchecked(a + b), false),
        _ => ctx => Fold(ctx, (a, b) => a + b, (a, b) => unchecked(a + b), (a, b) => unchecked(a + b), true),
    };

    private static void Fold(EvaluationContext ctx, Func<double, double, double> real, Func<long, long, long> integer,
        Func<ulong, ulong, ulong> unsigned, bool mean)
    {
        var operands = new List<TensorData>();
        for (int i = 0; i < ctx.InputCount; i++)
        {
            if (ctx.OptionalTensor(i) is { } t)
            {
                operands.Add(t);
            }
        }
        if (operands.Count == 0)
        {
            ctx.Fail("at least one operand is required");
        }
        var dims = Broadcast.Shape(ctx, [.. operands.Select(o => o.Dimensions)]);
        int n = Numbers.Count(ctx, dims);
        var type = Numbers.OutputType(ctx, 0);
        var shape = ImmutableArray.Create(dims);
        if (Numbers.IsFloat(type))
        {
            ctx.SetOutput(0, Numbers.FromDoubles(type, FoldReals(operands, dims, n, real, mean), shape));
            return;
        }
        var lacc = new long[n];
        bool u = type == ElementType.UInt64;
        for (int k = 0; k < operands.Count; k++)
        {
            var v = Numbers.ReadLongs(operands[k]);
            var map = Broadcast.Map(operands[k].Dimensions, dims);
            for (int i = 0; i < n; i++)
            {
                long x = v[map[i]];
                lacc[i] = k == 0 ? x : u ? (long)unsigned((ulong)lacc[i], (ulong)x) : integer(lacc[i], x);
            }
        }
        ctx.SetOutput(0, Numbers.FromLongs(type, lacc, shape));
    }

    private static double[] FoldReals(List<TensorData> operands, long[] dims, int n, Func<double, double, double> real, bool mean)
    {
        var acc = new double[n];
        for (int k = 0; k < operands.Count; k++)
        {
            var v = Numbers.ReadDoubles(operands[k]);
            var map = Broadcast.Map(operands[k].Dimensions, dims);
            for (int i = 0; i < n; i++)
            {
                acc[i] = k == 0 ? v[map[i]] : real(acc[i], v[map[i]]);
            }
        }
        if (mean)
        {
            for (int i = 0; i < n; i++)
            {
                acc[i] /= operands.Count;
            }
        }
        return acc;
    }

    /// <summary>Where(condition, X, Y) with three-way broadcasting; any element type.</summary>
    public static void Where(EvaluationContext ctx)
    {
        var c = ctx.Tensor(0);
        var x = ctx.Tensor(1);
        var y = ctx.Tensor(2);
        var dims = Broadcast.Shape(ctx, c.Dimensions, x.Dimensions, y.Dimensions);
        int n = Numbers.Count(ctx, dims);
        var cond = c.Bytes.Span;
        var cmap = Broadcast.Map(c.Dimensions, dims);
        var pick = new bool[n];
        for (int i = 0; i < n; i++)
        {
            pick[i] = cond[cmap[i]] != 0;
        }
        ctx.SetOutput(0, ElementCopy.Select(pick, x, Broadcast.Map(x.Dimensions, dims), y, Broadcast.Map(y.Dimensions, dims), [.. dims]));
    }

    /// <summary>Clip: bounds from attributes (opset 1, 6) or optional scalar operands (opset 11 and later).</summary>
    public static void Clip(EvaluationContext ctx)
    {
        var x = ctx.Tensor(0);
        var type = x.ElementType;
        if (ctx.Schema.Id.SinceVersion < 11)
        {
            double lo = ctx.Attr("min") is null ? double.NegativeInfinity : ctx.GetFloat("min", 0);
            double hi = ctx.Attr("max") is null ? double.PositiveInfinity : ctx.GetFloat("max", 0);
            Elementwise.Unary(ctx, v => System.Math.Min(System.Math.Max(v, lo), hi));
            return;
        }
        var min = ctx.OptionalTensor(1);
        var max = ctx.OptionalTensor(2);
        if (Numbers.IsFloat(type))
        {
            double lo = min is null ? double.NegativeInfinity : Numbers.FirstDouble(ctx, min);
            double hi = max is null ? double.PositiveInfinity : Numbers.FirstDouble(ctx, max);
            Elementwise.Unary(ctx, v => System.Math.Min(System.Math.Max(v, lo), hi));
            return;
        }
        long llo = min is null ? long.MinValue : Numbers.FirstLong(ctx, min);
        long lhi = max is null ? (type == ElementType.UInt64 ? -1 : long.MaxValue) : Numbers.FirstLong(ctx, max);
        if (type == ElementType.UInt64)
        {
            ulong ulo = min is null ? 0 : (ulong)llo, uhi = (ulong)lhi;
            Elementwise.Unary(ctx, v => v, v => (long)System.Math.Min(System.Math.Max((ulong)v, ulo), uhi));
            return;
        }
        Elementwise.Unary(ctx, v => v, v => System.Math.Min(System.Math.Max(v, llo), lhi));
    }
}
