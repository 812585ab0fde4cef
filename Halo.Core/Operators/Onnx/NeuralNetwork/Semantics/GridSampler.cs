using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>Interpolation at one normalized grid location of an N-D input: per axis the neighbouring indices
/// and weights (nearest, linear or cubic), with zeros, border or reflection padding.</summary>
internal sealed class GridSampler
{
    private const double CubicA = -0.75;
    private readonly long[] _size;
    private readonly int _taps;
    private readonly bool _alignCorners;
    private readonly string _padding;
    private readonly long[][] _index;
    private readonly double[][] _weight;
    private readonly long[] _strides;

    /// <summary>Prepares sampling over <paramref name="size"/> with <paramref name="taps"/> neighbours per axis.</summary>
    public GridSampler(EvaluationContext ctx, long[] size, int taps, bool alignCorners, string padding)
    {
        if (taps == 0 || padding is not ("zeros" or "border" or "reflection"))
        {
            ctx.Fail($"unknown mode or padding_mode '{padding}'");
        }
        _size = size;
        _taps = taps;
        _alignCorners = alignCorners;
        _padding = padding;
        _index = [.. size.Select(_ => new long[taps])];
        _weight = [.. size.Select(_ => new double[taps])];
        _strides = new long[size.Length];
        for (int a = 0; a < size.Length; a++)
        {
            _strides[a] = NnData.Product(size, a + 1, size.Length);
        }
    }

    /// <summary>Sets the neighbours for the grid point whose r coordinates (x first) start at <paramref name="at"/>.</summary>
    public void Locate(double[] grid, int at)
    {
        int r = _size.Length;
        for (int a = 0; a < r; a++)
        {
            double g = grid[at + (r - 1 - a)];
            long len = _size[a];
            double p = _alignCorners ? (g + 1) / 2 * (len - 1) : (((g + 1) * len) - 1) / 2;
            p = _padding switch
            {
                "border" => System.Math.Clamp(p, 0, len - 1),
                "reflection" => Reflect(p, len),
                _ => p,
            };
            Weights(a, p);
        }
    }

    /// <summary>The interpolated value of the plane starting at <paramref name="plane"/>.</summary>
    public double Sample(double[] x, int plane)
    {
        int r = _size.Length;
        int combos = (int)System.Math.Pow(_taps, r);
        double sum = 0;
        for (int k = 0; k < combos; k++)
        {
            int rem = k;
            double w = 1;
            long offset = 0;
            bool inside = true;
            for (int a = r - 1; a >= 0; a--)
            {
                int t = rem % _taps;
                rem /= _taps;
                w *= _weight[a][t];
                long i = _index[a][t];
                if (i < 0 || i >= _size[a])
                {
                    if (_padding == "zeros")
                    {
                        inside = false;
                        break;
                    }
                    i = _padding == "border" ? System.Math.Clamp(i, 0, _size[a] - 1) : ReflectIndex(i, _size[a]);
                }
                offset += i * _strides[a];
            }
            if (inside && w != 0)
            {
                sum += w * x[plane + offset];
            }
        }
        return sum;
    }

    private void Weights(int a, double p)
    {
        long[] idx = _index[a];
        double[] w = _weight[a];
        if (_taps == 1)
        {
            idx[0] = (long)System.Math.Round(p, MidpointRounding.ToEven);
            w[0] = 1;
            return;
        }
        long f = (long)System.Math.Floor(p);
        double t = p - f;
        if (_taps == 2)
        {
            (idx[0], idx[1], w[0], w[1]) = (f, f + 1, 1 - t, t);
            return;
        }
        for (int k = 0; k < 4; k++)
        {
            idx[k] = f - 1 + k;
        }
        w[0] = ((((CubicA * (t + 1)) - (5 * CubicA)) * (t + 1)) + (8 * CubicA)) * (t + 1) - (4 * CubicA);
        w[1] = ((((CubicA + 2) * t) - (CubicA + 3)) * t * t) + 1;
        double u = 1 - t;
        w[2] = ((((CubicA + 2) * u) - (CubicA + 3)) * u * u) + 1;
        w[3] = 1 - w[0] - w[1] - w[2];
    }

    /// <summary>Reflects a coordinate into [0, len - 1] (align_corners) or [-0.5, len - 0.5].</summary>
    private double Reflect(double p, long len)
    {
        double lo = _alignCorners ? 0 : -0.5, hi = _alignCorners ? len - 1 : len - 0.5;
        double range = hi - lo;
        if (range <= 0)
        {
            return 0;
        }
        if (p < lo || p > hi)
        {
            double d = p < lo ? lo - p : p - hi;
            long flips = (long)(d / range);
            double rest = d - (flips * range);
            bool even = flips % 2 == 0;
            p = p < lo ? (even ? lo + rest : hi - rest) : (even ? hi - rest : lo + rest);
        }
        return p;
    }

    private long ReflectIndex(long i, long len) => System.Math.Clamp((long)System.Math.Round(Reflect(i, len)), 0, len - 1);
}
