using System.Collections.Immutable;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;
using M = System.Math;

namespace Halo.Core.Operators.Onnx.Math.Semantics;

/// <summary>Reference kernels of the Reduce* operators: axes from the attribute (older versions) or the optional
/// operand (ReduceSum-13, the others from 18, with <c>noop_with_empty_axes</c>), <c>keepdims</c>.</summary>
internal static class ReduceKernels
{
    /// <summary>The kernel of the named reduction.</summary>
    public static ReferenceKernel For(string name) => ctx => Reduce(ctx, name);

    private static void Reduce(EvaluationContext ctx, string name)
    {
        var x = ctx.Tensor(0);
        int rank = x.Dimensions.Length;
        var reduced = ReducedAxes(ctx, rank);
        if (reduced is null)
        {
            ctx.SetOutput(0, x);
            return;
        }
        var kept = new long[rank];
        var outDims = new List<long>(rank);
        for (int i = 0; i < rank; i++)
        {
            kept[i] = reduced[i] ? 1 : x.Dimensions[i];
            if (!reduced[i] || ctx.GetInt("keepdims", 1) != 0)
            {
                outDims.Add(kept[i]);
            }
        }
        int n = Numbers.Count(ctx, kept);
        var map = Broadcast.Map([.. kept], x.Dimensions.AsSpan());
        var type = Numbers.OutputType(ctx, 0);
        var shape = outDims.ToImmutableArray();
        if (!Numbers.IsFloat(type) && name is "ReduceSum" or "ReduceProd" or "ReduceSumSquare" or "ReduceMax" or "ReduceMin"
            or "ReduceL1" or "ReduceMean")
        {
            ctx.SetOutput(0, Numbers.FromLongs(type, ReduceIntegers(name, Numbers.ReadLongs(x), map, n, type), shape));
            return;
        }
        ctx.SetOutput(0, Numbers.FromDoubles(type, ReduceReals(name, Numbers.ReadDoubles(x), map, n), shape));
    }

    /// <summary>Which axes reduce; null for the no-op case (empty axes with noop_with_empty_axes).</summary>
    private static bool[]? ReducedAxes(EvaluationContext ctx, int rank)
    {
        long[]? axes;
        if (ctx.Schema.Attributes.ContainsKey("axes"))
        {
            axes = ctx.GetInts("axes") is { } a ? [.. a] : null;
        }
        else
        {
            axes = ctx.OptionalTensor(1) is { } t ? Numbers.ReadLongs(t) : null;
            if ((axes is null || axes.Length == 0) && ctx.GetInt("noop_with_empty_axes", 0) != 0)
            {
                return null;
            }
        }
        var reduced = new bool[rank];
        if (axes is null || axes.Length == 0)
        {
            reduced.AsSpan().Fill(true);
            return reduced;
        }
        foreach (long axis in axes)
        {
            reduced[Axes.Normalize(ctx, axis, rank)] = true;
        }
        return reduced;
    }

    private static double[] ReduceReals(string name, double[] v, int[] map, int n)
    {
        var acc = new double[n];
        var max = new double[n];
        max.AsSpan().Fill(double.NegativeInfinity);
        double init = name switch
        {
            "ReduceProd" => 1,
            "ReduceMax" => double.NegativeInfinity,
            "ReduceMin" => double.PositiveInfinity,
            _ => 0,
        };
        acc.AsSpan().Fill(init);
        if (name == "ReduceLogSumExp")
        {
            for (int i = 0; i < v.Length; i++)
            {
                max[map[i]] = M.Max(max[map[i]], v[i]);
            }
        }
        for (int i = 0; i < v.Length; i++)
        {
            ref double a = ref acc[map[i]];
            double x = v[i];
            a = name switch
            {
                "ReduceProd" => a * x,
                "ReduceMax" => double.IsNaN(a) || a >= x ? a : x,
                "ReduceMin" => double.IsNaN(a) || a <= x ? a : x,
                "ReduceL1" => a + M.Abs(x),
                "ReduceL2" or "ReduceSumSquare" => a + (x * x),
                "ReduceLogSumExp" => a + M.Exp(x - max[map[i]]),
                _ => a + x,
            };
        }
        int count = n == 0 ? 0 : v.Length / n;
        for (int k = 0; k < n; k++)
        {
            acc[k] = name switch
            {
                "ReduceMean" => acc[k] / count,
                "ReduceL2" => M.Sqrt(acc[k]),
                "ReduceLogSum" => M.Log(acc[k]),
                "ReduceLogSumExp" => double.IsNegativeInfinity(max[k]) ? max[k] : max[k] + M.Log(acc[k]),
                _ => acc[k],
            };
        }
        return acc;
    }

    private static long[] ReduceIntegers(string name, long[] v, int[] map, int n, ElementType type)
    {
        var acc = new long[n];
        bool u = type == ElementType.UInt64;
        acc.AsSpan().Fill(name switch
        {
            "ReduceProd" => 1,
            "ReduceMax" => u ? 0 : long.MinValue,
            "ReduceMin" => u ? -1 : long.MaxValue,
            _ => 0,
        });
        for (int i = 0; i < v.Length; i++)
        {
            ref long a = ref acc[map[i]];
            long x = v[i];
            a = name switch
            {
                "ReduceProd" => unchecked(a * x),
                "ReduceMax" => u ? (long)M.Max((ulong)a, (ulong)x) : M.Max(a, x),
                "ReduceMin" => u ? (long)M.Min((ulong)a, (ulong)x) : M.Min(a, x),
                "ReduceL1" => unchecked(a + (x < 0 ? -x : x)),
                "ReduceSumSquare" => unchecked(a + (x * x)),
                _ => unchecked(a + x),
            };
        }
        if (name == "ReduceMean" && n > 0 && v.Length > 0)
        {
            for (int k = 0; k < n; k++)
            {
                acc[k] /= v.Length / n;
            }
        }
        return acc;
    }
}
