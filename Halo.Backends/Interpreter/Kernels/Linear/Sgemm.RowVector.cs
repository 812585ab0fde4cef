using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Halo.Backends.Interpreter.Threading;

namespace Halo.Backends.Interpreter.Kernels.Linear;

internal static unsafe partial class Sgemm
{
    /// <summary>c[0, n] += a[0, k]·B[k, n] (one row of A: a classifier's Gemm at batch 1), split over columns.</summary>
    private static void MultiplyRowVector(float* a, float* b, int ldb, float* c, int n, int k, WorkerPool workers)
    {
        // PERF: B streams row by row, each thread over its own columns, while its slice of c stays in L1; one
        // row of B is a few KiB, so the split costs no locality.
        var body = new RowVectorParts(a, b, ldb, c, k) { Columns = n };
        int units = (n + ColTile - 1) / ColTile;
        workers.For(units, (long)n * k < 1 << 16 ? 1 : workers.Threads, ref body);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RowVectorSerial(float* a, float* b, int ldb, float* c, int n, int k)
    {
        int p = 0;
        for (; p + 4 <= k; p += 4)
        {
            float* b0 = b + (long)p * ldb, b1 = b0 + ldb, b2 = b1 + ldb, b3 = b2 + ldb;
            var x0 = Vector256.Create(a[p]);
            var x1 = Vector256.Create(a[p + 1]);
            var x2 = Vector256.Create(a[p + 2]);
            var x3 = Vector256.Create(a[p + 3]);
            int j = 0;
            for (; j + 8 <= n; j += 8)
            {
                var sum = Vector256.FusedMultiplyAdd(x0, Vector256.Load(b0 + j), Vector256.Load(c + j));
                sum = Vector256.FusedMultiplyAdd(x1, Vector256.Load(b1 + j), sum);
                sum = Vector256.FusedMultiplyAdd(x2, Vector256.Load(b2 + j), sum);
                Vector256.FusedMultiplyAdd(x3, Vector256.Load(b3 + j), sum).Store(c + j);
            }
            for (; j < n; j++)
            {
                c[j] += a[p] * b0[j] + a[p + 1] * b1[j] + a[p + 2] * b2[j] + a[p + 3] * b3[j];
            }
        }
        for (; p < k; p++)
        {
            float* bp = b + (long)p * ldb;
            for (int j = 0; j < n; j++)
            {
                c[j] = MathF.FusedMultiplyAdd(a[p], bp[j], c[j]);
            }
        }
    }

    /// <summary>A parallel row-vector product: items are column tiles of <see cref="ColTile"/>.</summary>
    private readonly struct RowVectorParts(float* a, float* b, int ldb, float* c, int k) : IChunkBody
    {
        public int Columns { get; init; }

        public void Run(int start, int end)
        {
            int j0 = start * ColTile, j1 = Math.Min(Columns, end * ColTile);
            RowVectorSerial(a, b + j0, ldb, c + j0, j1 - j0, k);
        }
    }
}
