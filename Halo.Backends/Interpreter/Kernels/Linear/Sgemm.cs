using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Halo.Backends.Interpreter.Threading;

namespace Halo.Backends.Interpreter.Kernels.Linear;

/// <summary>
/// Single-precision matrix product C = A·B (+ C), row-major with leading dimensions, blocked over K and
/// register-tiled (4 rows × 16 columns of Vector256 accumulators), parallel over column or row blocks.
/// </summary>
internal static unsafe partial class Sgemm
{
    private const int KBlock = 256;
    private const int RowTile = 4;
    private const int ColTile = 16;
    private const int WideColTile = 32;

    /// <summary>C[m,n] (=|+=) Σk A[m,k]·B[k,n]; A, B, C are row-major with leading dimensions lda, ldb, ldc.</summary>
    public static void Multiply(float* a, int lda, float* b, int ldb, float* c, int ldc, int m, int n, int k,
        bool accumulate, WorkerPool workers)
    {
        if (m <= 0 || n <= 0)
        {
            return;
        }
        if (!accumulate)
        {
            for (int i = 0; i < m; i++)
            {
                new Span<float>(c + (long)i * ldc, n).Clear();
            }
        }
        if (k <= 0)
        {
            return;
        }
        if (m == 1)
        {
            MultiplyRowVector(a, b, ldb, c, n, k, workers);
            return;
        }
        int threads = workers.Threads;
        long work = (long)m * n * k;
        if (threads == 1 || work < 1 << 16)
        {
            MultiplySerial(a, lda, b, ldb, c, ldc, m, n, k);
            return;
        }
        // PERF: split columns so each thread streams its own slice of B (conv: n = output pixels); tall
        // products with few columns split rows.
        var body = new Parts(a, lda, b, ldb, c, ldc, m, n, k, byColumns: n >= ColTile * 4 * threads || n >= m);
        int units = body.ByColumns ? (n + ColTile - 1) / ColTile : (m + RowTile - 1) / RowTile;
        workers.For(units, threads, ref body);
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    private static void MultiplySerial(float* a, int lda, float* b, int ldb, float* c, int ldc, int m, int n, int k)
    {
        for (int k0 = 0; k0 < k; k0 += KBlock)
        {
            int kb = Math.Min(KBlock, k - k0);
            int j = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                for (; j + WideColTile <= n; j += WideColTile)
                {
                    int i = 0;
                    for (; i + RowTile <= m; i += RowTile)
                    {
                        Tile4x32(a + (long)i * lda + k0, lda, b + (long)k0 * ldb + j, ldb, c + (long)i * ldc + j, ldc, kb);
                    }
                    for (; i < m; i++)
                    {
                        Tile1x16(a + (long)i * lda + k0, b + (long)k0 * ldb + j, ldb, c + (long)i * ldc + j, kb);
                        Tile1x16(a + (long)i * lda + k0, b + (long)k0 * ldb + j + ColTile, ldb, c + (long)i * ldc + j + ColTile, kb);
                    }
                }
            }
            for (; j + ColTile <= n; j += ColTile)
            {
                int i = 0;
                for (; i + RowTile <= m; i += RowTile)
                {
                    Tile4x16(a + (long)i * lda + k0, lda, b + (long)k0 * ldb + j, ldb, c + (long)i * ldc + j, ldc, kb);
                }
                for (; i < m; i++)
                {
                    Tile1x16(a + (long)i * lda + k0, b + (long)k0 * ldb + j, ldb, c + (long)i * ldc + j, kb);
                }
            }
            if (j < n)
            {
                Edge(a + k0, lda, b + (long)k0 * ldb + j, ldb, c + j, ldc, m, n - j, kb);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile4x16(float* a, int lda, float* b, int ldb, float* c, int ldc, int k)
    {
        var c00 = Vector256.Load(c); var c01 = Vector256.Load(c + 8);
        var c10 = Vector256.Load(c + ldc); var c11 = Vector256.Load(c + ldc + 8);
        var c20 = Vector256.Load(c + 2 * ldc); var c21 = Vector256.Load(c + 2 * ldc + 8);
        var c30 = Vector256.Load(c + 3 * ldc); var c31 = Vector256.Load(c + 3 * ldc + 8);
        float* a1 = a + lda, a2 = a + 2 * lda, a3 = a + 3 * lda;
        for (int p = 0; p < k; p++)
        {
            float* bp = b + (long)p * ldb;
            var b0 = Vector256.Load(bp);
            var b1 = Vector256.Load(bp + 8);
            var x = Vector256.Create(a[p]);
            c00 = Vector256.FusedMultiplyAdd(x, b0, c00); c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(a1[p]);
            c10 = Vector256.FusedMultiplyAdd(x, b0, c10); c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(a2[p]);
            c20 = Vector256.FusedMultiplyAdd(x, b0, c20); c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(a3[p]);
            c30 = Vector256.FusedMultiplyAdd(x, b0, c30); c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
        }
        c00.Store(c); c01.Store(c + 8);
        c10.Store(c + ldc); c11.Store(c + ldc + 8);
        c20.Store(c + 2 * ldc); c21.Store(c + 2 * ldc + 8);
        c30.Store(c + 3 * ldc); c31.Store(c + 3 * ldc + 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile4x32(float* a, int lda, float* b, int ldb, float* c, int ldc, int k)
    {
        // PERF: with AVX-512, 4 rows × 32 columns keep 8 accumulators in zmm registers.
        var c00 = Vector512.Load(c); var c01 = Vector512.Load(c + 16);
        var c10 = Vector512.Load(c + ldc); var c11 = Vector512.Load(c + ldc + 16);
        var c20 = Vector512.Load(c + 2 * ldc); var c21 = Vector512.Load(c + 2 * ldc + 16);
        var c30 = Vector512.Load(c + 3 * ldc); var c31 = Vector512.Load(c + 3 * ldc + 16);
        float* a1 = a + lda, a2 = a + 2 * lda, a3 = a + 3 * lda;
        for (int p = 0; p < k; p++)
        {
            float* bp = b + (long)p * ldb;
            var b0 = Vector512.Load(bp);
            var b1 = Vector512.Load(bp + 16);
            var x = Vector512.Create(a[p]);
            c00 = Vector512.FusedMultiplyAdd(x, b0, c00); c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a1[p]);
            c10 = Vector512.FusedMultiplyAdd(x, b0, c10); c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a2[p]);
            c20 = Vector512.FusedMultiplyAdd(x, b0, c20); c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a3[p]);
            c30 = Vector512.FusedMultiplyAdd(x, b0, c30); c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
        }
        c00.Store(c); c01.Store(c + 16);
        c10.Store(c + ldc); c11.Store(c + ldc + 16);
        c20.Store(c + 2 * ldc); c21.Store(c + 2 * ldc + 16);
        c30.Store(c + 3 * ldc); c31.Store(c + 3 * ldc + 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile1x16(float* a, float* b, int ldb, float* c, int k)
    {
        var c0 = Vector256.Load(c);
        var c1 = Vector256.Load(c + 8);
        for (int p = 0; p < k; p++)
        {
            float* bp = b + (long)p * ldb;
            var x = Vector256.Create(a[p]);
            c0 = Vector256.FusedMultiplyAdd(x, Vector256.Load(bp), c0);
            c1 = Vector256.FusedMultiplyAdd(x, Vector256.Load(bp + 8), c1);
        }
        c0.Store(c);
        c1.Store(c + 8);
    }

    private static void Edge(float* a, int lda, float* b, int ldb, float* c, int ldc, int m, int n, int k)
    {
        // PERF: the last few columns gather one column of B (k <= KBlock) and take vectorized dot products.
        Span<float> column = stackalloc float[k];
        for (int j = 0; j < n; j++)
        {
            for (int p = 0; p < k; p++)
            {
                column[p] = b[(long)p * ldb + j];
            }
            for (int i = 0; i < m; i++)
            {
                c[(long)i * ldc + j] += System.Numerics.Tensors.TensorPrimitives.Dot(new ReadOnlySpan<float>(a + (long)i * lda, k), column);
            }
        }
    }
}
