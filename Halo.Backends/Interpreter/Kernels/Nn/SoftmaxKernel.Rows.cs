using Halo.Backends.Interpreter.Threading;

namespace Halo.Backends.Interpreter.Kernels.Nn;

internal sealed unsafe partial class SoftmaxKernel
{
    /// <summary>A parallel loop over the rows normalized along the last axis.</summary>
    private readonly struct Rows(float* x, float* y, int size) : IChunkBody
    {
        public void Run(int start, int end)
        {
            for (int o = start; o < end; o++)
            {
                Row(new ReadOnlySpan<float>(x + (long)o * size, size), new Span<float>(y + (long)o * size, size));
            }
        }
    }
}
