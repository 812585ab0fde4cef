using Halo.Backends.Interpreter.Threading;

namespace Halo.Backends.Interpreter.Kernels.Nn;

internal static unsafe partial class MaxPool2d
{
    /// <summary>A parallel loop over (batch × channel) planes.</summary>
    private readonly struct Planes(SpatialGeometry g, float* x, float* y) : IChunkBody
    {
        public void Run(int start, int end)
        {
            Span<float> rowMax = stackalloc float[g.Input[2]];
            for (int plane = start; plane < end; plane++)
            {
                Plane(g, x + (long)plane * g.InputSize, y + (long)plane * g.OutputSize, rowMax);
            }
        }
    }
}
