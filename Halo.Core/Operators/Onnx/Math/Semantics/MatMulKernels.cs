using System.Collections.Immutable;
using System.Numerics;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Math.Semantics;

/// <summary>Reference kernels of MatMul (numpy matmul: batched, broadcast batch dimensions, 1-D operands promoted),
/// MatMulInteger (zero points per tensor, per row of A, per column of B) and Gemm.</summary>
internal static class MatMulKernels
{
    /// <summary>MatMul: doubles for floating-point types, exact int64 for integers.</summary>
    public static void MatMul(EvaluationContext ctx)
    {
        var a = ctx.Tensor(0);
        var b = ctx.Tensor(1);
        var type = Numbers.OutputType(ctx, 0);
        if (Numbers.IsFloat(type))
        {
            var (r, dims) = Batched(ctx, Numbers.ReadDoubles(a), a.Dimensions, Numbers.ReadDoubles(b), b.Dimensions);
            ctx.SetOutput(0, Numbers.FromDoubles(type, r, dims));
            return;
        }
        var (l, ldims) = Batched(ctx, Numbers.ReadLongs(a), a.Dimensions, Numbers.ReadLongs(b), b.Dimensions);
        ctx.SetOutput(0, Numbers.FromLongs(type, l, ldims));
    }

    /// <summary>MatMulInteger: (A - a_zero_point) x (B - b_zero_point) in int32.</summary>
    public static void MatMulInteger(EvaluationContext ctx)
    {
        var a = ctx.Tensor(0);
        var b = ctx.Tensor(1);
        var la = Numbers.ReadLongs(a);
        var lb = Numbers.ReadLongs(b);
        int k = a.Dimensions.Length == 0 ? 1 : (int)a.Dimensions[^1];
        int n = b.Dimensions.Length < 2 ? 1 : (int)b.Dimensions[^1];
        int m = a.Dimensions.Length < 2 ? 1 : (int)a.Dimensions[^2];
        Subtract(ctx, la, ctx.OptionalTensor(2), i => (i / System.Math.Max(k, 1)) % System.Math.Max(m, 1));
        Subtract(ctx, lb, ctx.OptionalTensor(3), i => i % System.Math.Max(n, 1));
        var (r, dims) = Batched(ctx, la, a.Dimensions, lb, b.Dimensions);
        ctx.SetOutput(0, Numbers.FromLongs(ElementType.Int32, r, dims));
    }

    private static void Subtract(EvaluationContext ctx, long[] values, TensorData? zeroPoint, Func<int, int> index)
    {
        if (zeroPoint is null)
        {
            return;
        }
        var z = Numbers.ReadLongs(zeroPoint);
        for (int i = 0; i < values.Length; i++)
        {
            int zi = z.Length == 1 ? 0 : index(i);
            if (zi >= z.Length)
            {
                ctx.Fail($"zero point has {z.Length} elements, too few for the operand");
            }
            values[i] -= z[zi];
        }
    }

    /// <summary>The numpy matmul of a and b.</summary>
    public static (T[] Result, ImmutableArray<long> Dims) Batched<T>(EvaluationContext ctx, T[] a, ImmutableArray<long> ad,
        T[] b, ImmutableArray<long> bd)
        where T : INumber<T>
    {
        if (ad.Length == 0 || bd.Length == 0)
        {
            ctx.Fail("MatMul operands must have rank 1 or more");
        }
        var aDims = ad.Length == 1 ? ImmutableArray.Create(1L, ad[0]) : ad;
        var bDims = bd.Length == 1 ? ImmutableArray.Create(bd[0], 1L) : bd;
        int m = (int)aDims[^2], k = (int)aDims[^1], n = (int)bDims[^1];
        if (bDims[^2] != k)
        {
            ctx.Fail($"inner dimensions differ: {k} and {bDims[^2]}");
        }
        var batchA = aDims[..^2];
        var batchB = bDims[..^2];
        var batch = Broadcast.Shape(ctx, batchA, batchB);
        int count = Numbers.Count(ctx, [.. batch, m, n]);
        var mapA = Broadcast.Map(batchA, batch);
        var mapB = Broadcast.Map(batchB, batch);
        var result = new T[count];
        for (int i = 0; i < mapA.Length; i++)
        {
            Multiply(a.AsSpan(mapA[i] * m * k, m * k), b.AsSpan(mapB[i] * k * n, k * n), result.AsSpan(i * m * n, m * n), m, k, n);
        }
        var dims = new List<long>(batch);
        if (ad.Length > 1)
        {
            dims.Add(m);
        }
        if (bd.Length > 1)
        {
            dims.Add(n);
        }
        return (result, [.. dims]);
    }

    /// <summary>c (m x n) = a (m x k) times b (k x n), row-major.</summary>
    public static void Multiply<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n)
        where T : INumber<T>
    {
        c.Clear();
        for (int i = 0; i < m; i++)
        {
            var row = c.Slice(i * n, n);
            for (int p = 0; p < k; p++)
            {
                T x = a[(i * k) + p];
                var brow = b.Slice(p * n, n);
                for (int j = 0; j < n; j++)
                {
                    row[j] += x * brow[j];
                }
            }
        }
    }

    /// <summary>Gemm: alpha * A' B' + beta * C, A' = transA ? Aᵀ : A, C broadcast to (M, N).</summary>
    public static void Gemm(EvaluationContext ctx)
    {
        var a = ctx.Tensor(0);
        var b = ctx.Tensor(1);
        if (a.Dimensions.Length != 2 || b.Dimensions.Length != 2)
        {
            ctx.Fail("Gemm operands must be matrices");
        }
        bool ta = ctx.GetInt("transA", 0) != 0, tb = ctx.GetInt("transB", 0) != 0;
        var va = Transposed(Numbers.ReadDoubles(a), a.Dimensions, ta);
        var vb = Transposed(Numbers.ReadDoubles(b), b.Dimensions, tb);
        int m = (int)a.Dimensions[ta ? 1 : 0], k = (int)a.Dimensions[ta ? 0 : 1], n = (int)b.Dimensions[tb ? 0 : 1];
        if (b.Dimensions[tb ? 1 : 0] != k)
        {
            ctx.Fail($"inner dimensions differ: {k} and {b.Dimensions[tb ? 1 : 0]}");
        }
        var y = new double[Numbers.Count(ctx, [m, n])];
        Multiply<double>(va, vb, y, m, k, n);
        double alpha = ctx.GetFloat("alpha", 1), beta = ctx.GetFloat("beta", 1);
        var c = ctx.OptionalTensor(2);
        var dims = ImmutableArray.Create<long>(m, n);
        if (c is not null && !Broadcast.Shape(ctx, c.Dimensions, dims).AsSpan().SequenceEqual(dims.AsSpan()))
        {
            ctx.Fail($"C of shape [{string.Join(",", c.Dimensions)}] does not broadcast to [{m},{n}]");
        }
        var map = c is null ? null : Broadcast.Map(c.Dimensions, dims.AsSpan());
        var vc = c is null ? null : Numbers.ReadDoubles(c);
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = (alpha * y[i]) + (vc is null ? 0 : beta * vc[map![i]]);
        }
        ctx.SetOutput(0, Numbers.FromDoubles(Numbers.OutputType(ctx, 0), y, dims));
    }

    private static double[] Transposed(double[] v, ImmutableArray<long> dims, bool transpose)
    {
        if (!transpose)
        {
            return v;
        }
        int rows = (int)dims[0], cols = (int)dims[1];
        var t = new double[v.Length];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                t[(j * rows) + i] = v[(i * cols) + j];
            }
        }
        return t;
    }
}
