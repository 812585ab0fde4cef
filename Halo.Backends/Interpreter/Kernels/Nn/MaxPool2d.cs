using System.Numerics.Tensors;
using Halo.Backends.Interpreter.Threading;

namespace Halo.Backends.Interpreter.Kernels.Nn;

/// <summary>
/// MaxPool (float32, up to two spatial axes, no dilation, no Indices output) as two separable passes per
/// output row: a vectorized maximum over the window's input rows, then a maximum over each window's columns.
/// NaN propagates, as in the general kernel.
/// </summary>
internal static unsafe partial class MaxPool2d
{
    /// <summary>Whether the geometry suits this kernel.</summary>
    public static bool Supports(SpatialGeometry g) =>
        g.Kernel[0] == 1 && g.Input[0] == 1 && g.Dilation[1] == 1 && g.Dilation[2] == 1 && g.Input[2] <= 1 << 14;

    public static void Run(SpatialGeometry g, float* x, float* y, int planes, WorkerPool workers)
    {
        var body = new Planes(g, x, y);
        workers.For(planes, workers.ChunksFor((long)planes * g.OutputSize * g.KernelSize, 1 << 14), ref body);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Plane(SpatialGeometry g, float* x, float* y, Span<float> rowMax)
    {
        int width = g.Input[2], ow = g.Output[2];
        for (int oh = 0; oh < g.Output[1]; oh++, y += ow)
        {
            int h0 = oh * g.Stride[1] - g.PadBegin[1];
            int first = Math.Max(0, h0), end = Math.Min(g.Input[1], h0 + g.Kernel[1]);
            if (first >= end)
            {
                new Span<float>(y, ow).Clear();
                continue;
            }
            new ReadOnlySpan<float>(x + (long)first * width, width).CopyTo(rowMax);
            for (int ih = first + 1; ih < end; ih++)
            {
                TensorPrimitives.Max(rowMax, new ReadOnlySpan<float>(x + (long)ih * width, width), rowMax);
            }
            for (int o = 0; o < ow; o++)
            {
                int w0 = o * g.Stride[2] - g.PadBegin[2];
                int lo = Math.Max(0, w0), hi = Math.Min(width, w0 + g.Kernel[2]);
                float best = lo < hi ? rowMax[lo] : 0f;
                for (int iw = lo + 1; iw < hi; iw++)
                {
                    best = MathF.Max(best, rowMax[iw]);
                }
                y[o] = best;
            }
        }
    }
}
