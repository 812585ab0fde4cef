using Halo.Backends.Interpreter.Threading;

namespace Halo.Backends.Interpreter.Kernels.Elementwise;

internal sealed unsafe partial class BinaryKernel<T, TOp>
{
    /// <summary>A parallel loop over output rows, each cut into <c>perRow</c> pieces.</summary>
    private readonly struct Pieces(BroadcastLayout layout, int perRow, nint pa, nint pb, nint py) : IChunkBody
    {
        public void Run(int start, int end)
        {
            int length = layout.RowLength, piece = (length + perRow - 1) / perRow;
            for (int c = start; c < end; c++)
            {
                int r = c / perRow, first = c % perRow * piece;
                Row(layout, r, first, Math.Min(length, first + piece), pa, pb, py);
            }
        }
    }
}
