using Halo.Backends.Interpreter.Threading;

namespace Halo.Backends.Interpreter.Kernels.Nn;

internal sealed unsafe partial class PoolKernel<T>
{
    /// <summary>A parallel loop over the (batch × channel) planes of the general pooling path.</summary>
    private readonly struct Planes(PoolKernel<T> kernel, SpatialGeometry g, T* x, T* y, long* indices) : IChunkBody
    {
        public void Run(int start, int end)
        {
            for (int plane = start; plane < end; plane++)
            {
                T* src = x + (long)plane * g.InputSize;
                T* dst = y + (long)plane * g.OutputSize;
                if (kernel._max)
                {
                    kernel.MaxPlane(g, src, dst, indices is null ? null : indices + (long)plane * g.OutputSize, (long)plane * g.InputSize);
                }
                else
                {
                    kernel.AveragePlane(g, src, dst);
                }
            }
        }
    }
}
