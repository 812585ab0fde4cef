using System.Runtime.CompilerServices;
using Halo.Backends.Interpreter.Threading;

namespace Halo.Backends.Interpreter.Kernels.Linear;

/// <summary>
/// Single-precision C = A·B with A pre-packed (<see cref="PackedMatrix"/>), B row-major and packed per
/// call in panels that fit the caches (K blocks of <see cref="DepthBlock"/>, column blocks of
/// <see cref="ColumnBlock"/>), and a fused per-row bias and clamp (<see cref="GemmEpilogue"/>). Threads take
/// large chunks of columns (or of row panels when C is narrow).
/// </summary>
internal static unsafe partial class PackedSgemm
{
    /// <summary>K block depth: a B micro-panel (depth × tile columns) stays in L1 while A panels stream from L2.</summary>
    public static readonly int DepthBlock = 4096 / SgemmMicroKernel.Columns;

    /// <summary>Columns of B packed at once (depth × columns floats: 256 KiB, half of a typical L2).</summary>
    public const int ColumnBlock = 512;

    /// <summary>The depth of the K blocks for inner dimension <paramref name="k"/>: about <see cref="DepthBlock"/>,
    /// balanced so that no short last block reloads C for little work.</summary>
    public static int DepthFor(int k)
    {
        int blocks = Math.Max(1, (k + DepthBlock / 2) / DepthBlock);
        return (k + blocks - 1) / blocks;
    }

    [ThreadStatic]
    private static float[]? t_scratch;

    /// <summary>C[m, n] = A[m, k]·B[k, n], then the epilogue; B and C are row-major with leading dimensions
    /// <paramref name="ldb"/> and <paramref name="ldc"/>.</summary>
    public static void Multiply(PackedMatrix a, float* b, int ldb, float* c, int ldc, int n, GemmEpilogue epilogue, WorkerPool workers)
    {
        int m = a.Rows, k = a.Columns;
        if (m <= 0 || n <= 0)
        {
            return;
        }
        if (k == 0)
        {
            FillEmptyProduct(c, ldc, m, n, epilogue);
            return;
        }
        int nr = SgemmMicroKernel.Columns, mr = SgemmMicroKernel.Rows;
        int columnPanels = (n + nr - 1) / nr, rowPanels = (m + mr - 1) / mr;
        int chunks = (long)m * n * k < 1 << 18 ? 1 : 2 * workers.Threads;
        if (columnPanels >= chunks || columnPanels >= rowPanels)
        {
            var columns = new ColumnParts(a, b, ldb, c, ldc, n, epilogue);
            workers.For(columnPanels, chunks, ref columns);
            return;
        }
        // PERF: narrow C (late conv layers: 7×7 outputs): split row panels; each chunk packs B itself.
        var rows = new RowParts(a, b, ldb, c, ldc, n, epilogue);
        workers.For(rowPanels, Math.Min(chunks, workers.Threads), ref rows);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Serial(PackedMatrix a, int rowStart, int rowEnd, float* b, int ldb, float* c, int ldc, int n,
        in GemmEpilogue epilogue)
    {
        int nr = SgemmMicroKernel.Columns, mr = SgemmMicroKernel.Rows, k = a.Columns;
        int depth = DepthFor(k);
        var scratch = t_scratch ??= GC.AllocateArray<float>(DepthBlock * 2 * ColumnBlock + mr * 32, pinned: true);
        float* packedB = (float*)Unsafe.AsPointer(ref scratch[0]);
        float* tile = packedB + DepthBlock * 2 * ColumnBlock;
        for (int jc = 0; jc < n; jc += ColumnBlock)
        {
            int nc = Math.Min(ColumnBlock, n - jc);
            for (int k0 = 0; k0 < k; k0 += depth)
            {
                int kc = Math.Min(depth, k - k0);
                bool add = k0 > 0, finish = k0 + kc == k;
                PackB(b + (long)k0 * ldb + jc, ldb, kc, nc, packedB);
                for (int jr = 0; jr < nc; jr += nr)
                {
                    int cols = Math.Min(nr, nc - jr);
                    float* bPanel = packedB + (long)jr * kc;
                    for (int i = rowStart; i < rowEnd; i += mr)
                    {
                        int rows = Math.Min(mr, rowEnd - i);
                        float* cTile = c + (long)i * ldc + jc + jr;
                        if (rows == mr && cols == nr)
                        {
                            SgemmMicroKernel.Run(a.Panel(k0, kc, i), bPanel, kc, cTile, ldc, add, epilogue, i, finish);
                            continue;
                        }
                        // Edge tile: compute the whole padded tile aside, keep the valid part.
                        SgemmMicroKernel.Run(a.Panel(k0, kc, i), bPanel, kc, tile, nr, false, epilogue, i, false);
                        MergeEdge(tile, nr, cTile, ldc, rows, cols, add, epilogue, i, finish);
                    }
                }
            }
        }
    }

    /// <summary>Copies B[0..kc, 0..nc] into panels of tile width, row by row, zero-padding the last panel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackB(float* b, int ldb, int kc, int nc, float* dst)
    {
        int nr = SgemmMicroKernel.Columns;
        for (int j = 0; j < nc; j += nr)
        {
            int cols = Math.Min(nr, nc - j);
            float* src = b + j;
            if (cols == nr)
            {
                for (int p = 0; p < kc; p++, src += ldb, dst += nr)
                {
                    Unsafe.CopyBlockUnaligned(dst, src, (uint)(nr * sizeof(float)));
                }
                continue;
            }
            for (int p = 0; p < kc; p++, src += ldb, dst += nr)
            {
                new ReadOnlySpan<float>(src, cols).CopyTo(new Span<float>(dst, cols));
                new Span<float>(dst + cols, nr - cols).Clear();
            }
        }
    }

    private static void MergeEdge(float* tile, int ldt, float* c, int ldc, int rows, int cols, bool accumulate,
        in GemmEpilogue epilogue, int row, bool finish)
    {
        for (int r = 0; r < rows; r++)
        {
            for (int j = 0; j < cols; j++)
            {
                float v = tile[r * ldt + j] + (accumulate ? c[(long)r * ldc + j] : 0f);
                c[(long)r * ldc + j] = finish ? epilogue.Apply(v, row + r) : v;
            }
        }
    }

    private static void FillEmptyProduct(float* c, int ldc, int m, int n, in GemmEpilogue epilogue)
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                c[(long)i * ldc + j] = epilogue.Apply(0f, i);
            }
        }
    }
}
