using Halo.Backends.Interpreter.Threading;

namespace Halo.Backends.Interpreter.Kernels.Linear;

internal static unsafe partial class Sgemm
{
    /// <summary>A parallel product: items are column tiles of <see cref="ColTile"/> or row tiles of
    /// <see cref="RowTile"/>.</summary>
    private readonly struct Parts(float* a, int lda, float* b, int ldb, float* c, int ldc, int m, int n, int k, bool byColumns)
        : IChunkBody
    {
        public bool ByColumns { get; } = byColumns;

        public void Run(int start, int end)
        {
            if (ByColumns)
            {
                int j0 = start * ColTile, j1 = Math.Min(n, end * ColTile);
                MultiplySerial(a, lda, b + j0, ldb, c + j0, ldc, m, j1 - j0, k);
                return;
            }
            int i0 = start * RowTile, i1 = Math.Min(m, end * RowTile);
            MultiplySerial(a + (long)i0 * lda, lda, b, ldb, c + (long)i0 * ldc, ldc, i1 - i0, n, k);
        }
    }
}
