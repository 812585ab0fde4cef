namespace Halo.Backends.Interpreter.Kernels.Linear;

/// <summary>Blocked transpose of a row-major float matrix.</summary>
internal static unsafe class MatrixTranspose
{
    private const int Block = 32;

    /// <summary>dst[cols, rows] = transpose of src[rows, cols].</summary>
    public static void Transpose(float* src, int rows, int cols, float* dst)
    {
        for (int i0 = 0; i0 < rows; i0 += Block)
        {
            for (int j0 = 0; j0 < cols; j0 += Block)
            {
                int i1 = Math.Min(i0 + Block, rows), j1 = Math.Min(j0 + Block, cols);
                for (int i = i0; i < i1; i++)
                {
                    for (int j = j0; j < j1; j++)
                    {
                        dst[(long)j * rows + i] = src[(long)i * cols + j];
                    }
                }
            }
        }
    }
}
