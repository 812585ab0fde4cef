using Halo.Backends.Interpreter.Threading;

namespace Halo.Backends.Interpreter.Kernels.Linear;

internal static unsafe partial class PackedSgemm
{
    /// <summary>A parallel product over column panels of <see cref="SgemmMicroKernel.Columns"/>.</summary>
    private readonly struct ColumnParts(PackedMatrix a, float* b, int ldb, float* c, int ldc, int n, GemmEpilogue epilogue)
        : IChunkBody
    {
        public void Run(int start, int end)
        {
            int nr = SgemmMicroKernel.Columns;
            int j0 = start * nr, j1 = Math.Min(n, end * nr);
            Serial(a, 0, a.Rows, b + j0, ldb, c + j0, ldc, j1 - j0, epilogue);
        }
    }

    /// <summary>A parallel product over row panels of <see cref="SgemmMicroKernel.Rows"/>.</summary>
    private readonly struct RowParts(PackedMatrix a, float* b, int ldb, float* c, int ldc, int n, GemmEpilogue epilogue)
        : IChunkBody
    {
        public void Run(int start, int end)
        {
            int mr = SgemmMicroKernel.Rows;
            Serial(a, start * mr, Math.Min(a.Rows, end * mr), b, ldb, c, ldc, n, epilogue);
        }
    }
}
