using Halo.Backends.Interpreter.Threading;

namespace Halo.Backends.Interpreter.Kernels.Nn;

internal static unsafe partial class Im2Col
{
    /// <summary>A parallel loop over the rows of the column matrix (channel × kernel position).</summary>
    private readonly struct Rows(float* x, SpatialGeometry g, float* col) : IChunkBody
    {
        public void Run(int start, int end)
        {
            for (int r = start; r < end; r++)
            {
                Row(x, g, r, col);
            }
        }
    }
}
