using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Math.Semantics;

/// <summary>Reference kernels of Trilu (any element type) and Det (LU decomposition with partial pivoting).</summary>
internal static class MatrixKernels
{
    /// <summary>Trilu: keeps the elements on and above (upper) or below (lower) the k-th diagonal; zeroes the rest.</summary>
    public static void Trilu(EvaluationContext ctx)
    {
        var x = ctx.Tensor(0);
        var d = x.Dimensions;
        if (d.Length < 2)
        {
            ctx.Fail("Trilu needs an operand of rank 2 or more");
        }
        long k = ctx.OptionalTensor(1) is { } kt ? Numbers.FirstLong(ctx, kt) : 0;
        bool upper = ctx.GetInt("upper", 1) != 0;
        int rows = (int)d[^2], cols = (int)d[^1];
        int n = (int)x.ElementCount;
        var keep = new bool[n];
        for (int e = 0; e < n; e++)
        {
            int j = e % System.Math.Max(cols, 1), i = e / System.Math.Max(cols, 1) % System.Math.Max(rows, 1);
            keep[e] = upper ? j - i >= k : j - i <= k;
        }
        var identity = new int[n];
        for (int e = 0; e < n; e++)
        {
            identity[e] = e;
        }
        var zero = Zero(x.ElementType);
        ctx.SetOutput(0, ElementCopy.Select(keep, x, identity, zero, new int[n], d));
    }

    private static TensorData Zero(ElementType type) => type == ElementType.String
        ? TensorData.FromStrings([string.Empty], [])
        : TensorData.FromBytes(type, [], new byte[System.Math.Max(1, type.BitWidth() / 8)]);

    /// <summary>Det of each trailing square matrix.</summary>
    public static void Det(EvaluationContext ctx)
    {
        var x = ctx.Tensor(0);
        var d = x.Dimensions;
        if (d.Length < 2 || d[^1] != d[^2])
        {
            ctx.Fail("Det needs square matrices in the last two dimensions");
        }
        int n = (int)d[^1];
        var v = Numbers.ReadDoubles(x);
        int count = n == 0 ? (int)x.ElementCount : v.Length / (n * n);
        if (n == 0)
        {
            count = 1;
            foreach (long s in d[..^2])
            {
                count *= (int)s;
            }
        }
        var result = new double[count];
        var m = new double[n * n];
        for (int b = 0; b < count; b++)
        {
            Array.Copy(v, b * n * n, m, 0, n * n);
            result[b] = Determinant(m, n);
        }
        ctx.SetOutput(0, Numbers.FromDoubles(Numbers.OutputType(ctx, 0), result, d[..^2]));
    }

    private static double Determinant(double[] m, int n)
    {
        double det = 1;
        for (int c = 0; c < n; c++)
        {
            int pivot = c;
            for (int r = c + 1; r < n; r++)
            {
                if (System.Math.Abs(m[(r * n) + c]) > System.Math.Abs(m[(pivot * n) + c]))
                {
                    pivot = r;
                }
            }
            if (m[(pivot * n) + c] == 0)
            {
                return 0;
            }
            if (pivot != c)
            {
                for (int j = 0; j < n; j++)
                {
                    (m[(c * n) + j], m[(pivot * n) + j]) = (m[(pivot * n) + j], m[(c * n) + j]);
                }
                det = -det;
            }
            double p = m[(c * n) + c];
            det *= p;
            for (int r = c + 1; r < n; r++)
            {
                double f = m[(r * n) + c] / p;
                for (int j = c; j < n; j++)
                {
                    m[(r * n) + j] -= f * m[(c * n) + j];
                }
            }
        }
        return det;
    }
}
