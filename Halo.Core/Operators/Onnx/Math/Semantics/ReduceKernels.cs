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
        acc.AsSpan().Fill(name switch
        {
            "ReduceProd" => 1,
            "ReduceMax" => double.NegativeInfinity,
            "ReduceMin" => double.PositiveInfinity,
            _ => 0,
        });
        if (name == "ReduceLogSumExp")
        {
            for (int i = 0; i < v.Length; i++)
            {
                max[map[i]] = M.Max(max[map[i]], v[i]);
            }
            for (int i = 0; i < v.Length; i++)
            {
                acc[map[i]] += M.Exp(v[i] - max[map[i]]);
            }
        }
        else
        {
            // PERF: the combining function is chosen once, not per element.
            var combine = RealCombiner(name);
            for (int i = 0; i < v.Length; i++)
            {
                acc[map[i]] = combine(acc[map[i]], v[i]);
            }
        }
        Finish(name, acc, max, n == 0 ? 0 : v.Length / n);
        return acc;
    }

    private static Func<double, double, double> RealCombiner(string name) => name switch
    {
        "ReduceProd" => (a, x) => a * x,
        "ReduceMax" => (a, x) => double.IsNaN(a) || a >= x ? a : x,
        "ReduceMin" => (a, x) => double.IsNaN(a) || a <= x ? a : x,
        "ReduceL1" => (a, x) => a + M.Abs(x),
        "ReduceL2" or "ReduceSumSquare" => (a, x) => a + (x * x),
        _ => (a, x) => a + x,
    };

    private static void Finish(string name, double[] acc, double[] max, int count)
    {
        for (int k = 0; k < acc.Length; k++)
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
        Func<long, long, long> combine = name switch
        {
            "ReduceProd" => (a, x) => unchecked(a * x),
            "ReduceMax" => u ? (a, x) => (long)M.Max((ulong)a, (ulong)x) : M.Max,
            "ReduceMin" => u ? (a, x) => (long)M.Min((ulong)a, (ulong)x) : M.Min,
            "ReduceL1" => (a, x) => unchecked(a + (x < 0 ? -x : x)),
            "ReduceSumSquare" => (a, x) => unchecked(a + (x * x)),
            _ => (a, x) => unchecked(a + x),
        };
        for (int i = 0; i < v.Length; i++)
        {
            acc[map[i]] = combine(acc[map[i]], v[i]);
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
