using Halo.Backends.Interpreter.Threading;

namespace Halo.Backends.Interpreter.Kernels.Nn;

internal static unsafe partial class DepthwiseConv
{
    /// <summary>A parallel loop over (batch × filter) output planes.</summary>
    private readonly struct Planes(ConvJob job, float low, float high, bool twoDimensional) : IChunkBody
    {
        public void Run(int start, int end)
        {
            for (int plane = start; plane < end; plane++)
            {
                if (twoDimensional)
                {
                    DepthwiseConv2d.Plane(job, plane, low, high);
                }
                else
                {
                    Plane(job, plane, low, high);
                }
            }
        }
    }
}
