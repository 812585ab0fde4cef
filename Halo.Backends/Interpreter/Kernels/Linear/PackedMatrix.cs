namespace Halo.Backends.Interpreter.Kernels.Linear;

/// <summary>
/// A row-major [rows, columns] matrix A repacked for <see cref="PackedSgemm"/>: split along K into blocks of
/// <see cref="PackedSgemm.DepthFor"/>, each block a run of panels of <see cref="SgemmMicroKernel.Rows"/> rows
/// stored column by column (rows padded with zeros), so the micro-kernel reads A sequentially. Constant
/// weights are packed once, when the session is created; the view never owns the memory.
/// </summary>
internal readonly unsafe struct PackedMatrix(float* data, int rows, int columns)
{
    /// <summary>The packed elements.</summary>
    public float* Data { get; } = data;

    /// <summary>Rows of A (M).</summary>
    public int Rows { get; } = rows;

    /// <summary>Columns of A (K).</summary>
    public int Columns { get; } = columns;

    /// <summary>Rows rounded up to whole panels.</summary>
    public int PaddedRows => PaddedRowCount(Rows);

    /// <summary>The number of floats a packed [rows, columns] matrix takes.</summary>
    public static long Size(int rows, int columns) => (long)PaddedRowCount(rows) * columns;

    /// <summary>The panel of rows [row, row + Rows) in the K block starting at <paramref name="k0"/> of depth <paramref name="kc"/>.</summary>
    public float* Panel(int k0, int kc, int row) => Data + (long)k0 * PaddedRows + (long)row * kc;

    /// <summary>Packs row-major <paramref name="a"/> (leading dimension <paramref name="lda"/>) into <paramref name="destination"/>
    /// (<see cref="Size"/> floats).</summary>
    public static PackedMatrix Pack(float* a, int lda, int rows, int columns, float* destination)
    {
        var packed = new PackedMatrix(destination, rows, columns);
        const int mr = SgemmMicroKernel.Rows;
        int depth = PackedSgemm.DepthFor(columns);
        for (int k0 = 0; k0 < columns; k0 += depth)
        {
            int kc = Math.Min(depth, columns - k0);
            for (int i0 = 0; i0 < rows; i0 += mr)
            {
                float* dst = packed.Panel(k0, kc, i0);
                int valid = Math.Min(mr, rows - i0);
                for (int p = 0; p < kc; p++, dst += mr)
                {
                    for (int r = 0; r < mr; r++)
                    {
                        dst[r] = r < valid ? a[(long)(i0 + r) * lda + k0 + p] : 0f;
                    }
                }
            }
        }
        return packed;
    }

    private static int PaddedRowCount(int rows) => (rows + SgemmMicroKernel.Rows - 1) / SgemmMicroKernel.Rows * SgemmMicroKernel.Rows;
}
