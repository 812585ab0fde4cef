using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Tensor.Semantics;

/// <summary>Reference semantics of Resize (10, 11, 13, 18, 19) and Upsample (1, 7, 9): nearest moves elements of any
/// type; linear and cubic (cubic_coeff_a, exclude_outside, antialias) interpolate separably, axis by axis.</summary>
internal static class ResizeKernel
{
    public static void Resize(EvaluationContext ctx)
    {
        var x = ctx.Tensor(0);
        var plan = ResizePlan.Create(ctx, x);
        var dims = ImmutableArray.Create(plan.OutDims);
        double extrapolation = ctx.GetFloat("extrapolation_value", 0f);
        if (plan.Mode == "nearest")
        {
            ctx.SetOutput(0, Nearest(x, plan, dims, extrapolation));
            return;
        }
        if (plan.Mode is not ("linear" or "bilinear" or "cubic"))
        {
            ctx.Fail($"unknown mode '{plan.Mode}'");
        }
        double[] values = IndexMath.Doubles(x);
        var current = x.Dimensions.ToArray();
        var outside = new bool[current.Length][];
        for (int k = 0; k < current.Length; k++)
        {
            (values, outside[k]) = Interpolate(ctx, plan, values, current, k);
            current[k] = plan.OutDims[k];
        }
        Extrapolate(values, dims, outside, extrapolation);
        ctx.SetOutput(0, TensorFactory.FromDoubles(x.ElementType, values, dims));
    }

    private static TensorData Nearest(TensorData x, ResizePlan plan, ImmutableArray<long> dims, double extrapolation)
    {
        int rank = dims.Length;
        var tables = new long[rank][];
        for (int k = 0; k < rank; k++)
        {
            long inSize = x.Dimensions[k];
            tables[k] = new long[dims[k]];
            for (long j = 0; j < dims[k]; j++)
            {
                double s = plan.Source(k, j, inSize);
                tables[k][j] = double.IsNaN(s) ? -1 : plan.Nearest(s, inSize);
            }
        }
        TensorData? fill = plan.Transform != "tf_crop_and_resize" || x.ElementType == IR.Types.ElementType.String ? null
            : TensorFactory.FromDoubles(x.ElementType, [extrapolation], []);
        return ElementWriter.Take(x, IndexMath.Map(dims, tables, IndexMath.Strides(x.Dimensions)), dims, fill);
    }

    /// <summary>Resizes axis <paramref name="axis"/> of <paramref name="values"/>; returns the new values and which
    /// output coordinates fall outside the crop.</summary>
    private static (double[] Values, bool[] Outside) Interpolate(EvaluationContext ctx, ResizePlan plan, double[] values, long[] dims, int axis)
    {
        long inSize = dims[axis], outSize = plan.OutDims[axis];
        long outer = IndexMath.Product(dims, 0, axis), inner = IndexMath.Product(dims, axis + 1);
        ElementWriter.Check(outer * outSize * inner);
        var result = new double[outer * outSize * inner];
        var outside = new bool[outSize];
        var taps = new List<(long Index, double Weight)>();
        for (long j = 0; j < outSize; j++)
        {
            double s = plan.Source(axis, j, inSize);
            outside[j] = double.IsNaN(s);
            Taps(ctx, plan, axis, outside[j] ? 0 : s, inSize, taps);
            for (long o = 0; o < outer; o++)
            {
                long dst = ((o * outSize) + j) * inner, src = o * inSize * inner;
                foreach (var (index, weight) in taps)
                {
                    for (long i = 0; i < inner; i++)
                    {
                        result[dst + i] += weight * values[src + (index * inner) + i];
                    }
                }
            }
        }
        return (result, outside);
    }

    /// <summary>The input indices and normalized weights that make input coordinate <paramref name="x"/>.</summary>
    private static void Taps(EvaluationContext ctx, ResizePlan plan, int axis, double x, long inSize, List<(long, double)> taps)
    {
        taps.Clear();
        bool cubic = plan.Mode == "cubic";
        double radius = cubic ? 2 : 1;
        double a = ctx.GetFloat("cubic_coeff_a", -0.75f);
        bool excludeOutside = ctx.GetInt("exclude_outside", 0) != 0;
        double s = ctx.GetInt("antialias", 0) != 0 ? System.Math.Min(plan.Scales[axis], 1) : 1;
        long x0 = (long)System.Math.Floor(x);
        double ratio = x - x0;
        long first = (long)System.Math.Floor(-radius / s) + 1, last = (long)System.Math.Ceiling(radius / s);
        double sum = 0;
        for (long off = first; off <= last; off++)
        {
            double d = System.Math.Abs((off - ratio) * s);
            double w = cubic ? Cubic(d, a) : System.Math.Max(0, 1 - d);
            long index = x0 + off;
            if (w == 0 || (excludeOutside && (index < 0 || index >= inSize)))
            {
                continue;
            }
            taps.Add((System.Math.Clamp(index, 0, inSize - 1), w));
            sum += w;
        }
        for (int i = 0; i < taps.Count && sum != 0; i++)
        {
            taps[i] = (taps[i].Item1, taps[i].Item2 / sum);
        }
    }

    private static double Cubic(double d, double a) => d <= 1 ? ((((a + 2) * d) - (a + 3)) * d * d) + 1
        : d < 2 ? ((((a * d) - (5 * a)) * d) + (8 * a)) * d - (4 * a) : 0;

    private static void Extrapolate(double[] values, ImmutableArray<long> dims, bool[][] outside, double value)
    {
        if (!outside.Any(o => o.Any(b => b)))
        {
            return;
        }
        var coord = new long[dims.Length];
        for (long i = 0; i < values.Length; i++)
        {
            for (int k = 0; k < dims.Length; k++)
            {
                if (outside[k][coord[k]])
                {
                    values[i] = value;
                    break;
                }
            }
            GatherKernels.Next(coord, dims);
        }
    }
}
