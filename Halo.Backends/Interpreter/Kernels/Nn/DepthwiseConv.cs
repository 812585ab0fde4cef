using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using Halo.Backends.Interpreter.Threading;

namespace Halo.Backends.Interpreter.Kernels.Nn;

/// <summary>Direct convolution when every group has one input and one output channel (depthwise); one- and
/// two-dimensional planes go to <see cref="DepthwiseConv2d"/>. The general path (three spatial axes): each output
/// row accumulates shifted input rows (vectorized for unit strides), then the fused activation clamps the plane
/// while it is in cache. Threads take large chunks of planes.</summary>
internal static unsafe partial class DepthwiseConv
{
    public static void Run(ConvJob job, float low, float high, WorkerPool workers)
    {
        int planes = job.Batch * job.Filters;
        long work = (long)planes * job.Geometry.OutputSize * job.Geometry.KernelSize;
        var body = new Planes(job, low, high, DepthwiseConv2d.Supports(job.Geometry));
        workers.For(planes, workers.ChunksFor(work, 1 << 14), ref body);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Plane(ConvJob job, int plane, float low, float high)
    {
        var g = job.Geometry;
        int f = plane % job.Filters;
        float* x = job.X + (long)plane * g.InputSize;
        float* y = job.Y + (long)plane * g.OutputSize;
        float* w = job.W + (long)f * g.KernelSize;
        new Span<float>(y, g.OutputSize).Fill(job.Bias is null ? 0f : job.Bias[f]);
        for (int od = 0; od < g.Output[0]; od++)
        {
            for (int oh = 0; oh < g.Output[1]; oh++)
            {
                Row(g, x, w, y + ((long)od * g.Output[1] + oh) * g.Output[2], od, oh);
            }
        }
        if (!float.IsNegativeInfinity(low) || !float.IsPositiveInfinity(high))
        {
            var span = new Span<float>(y, g.OutputSize);
            TensorPrimitives.Max(span, low, span);
            TensorPrimitives.Min(span, high, span);
        }
    }

    private static void Row(SpatialGeometry g, float* x, float* w, float* dst, int od, int oh)
    {
        int ow = g.Output[2], sw = g.Stride[2];
        for (int kd = 0; kd < g.Kernel[0]; kd++)
        {
            int id = od * g.Stride[0] - g.PadBegin[0] + kd * g.Dilation[0];
            if ((uint)id >= (uint)g.Input[0])
            {
                continue;
            }
            for (int kh = 0; kh < g.Kernel[1]; kh++)
            {
                int ih = oh * g.Stride[1] - g.PadBegin[1] + kh * g.Dilation[1];
                if ((uint)ih >= (uint)g.Input[1])
                {
                    continue;
                }
                float* row = x + ((long)id * g.Input[1] + ih) * g.Input[2];
                for (int kw = 0; kw < g.Kernel[2]; kw++)
                {
                    int offW = kw * g.Dilation[2] - g.PadBegin[2];
                    var (lo, hi) = Im2Col.ValidRange(offW, sw, g.Input[2], ow);
                    float wv = w[(kd * g.Kernel[1] + kh) * g.Kernel[2] + kw];
                    Accumulate(row + offW, sw, wv, dst, lo, hi);
                }
            }
        }
    }

    /// <summary>dst[o] += w · src[o · stride] for o in [lo, hi).</summary>
    private static void Accumulate(float* src, int stride, float w, float* dst, int lo, int hi)
    {
        int o = lo;
        if (stride == 1)
        {
            var wv = Vector256.Create(w);
            for (; o + 8 <= hi; o += 8)
            {
                Vector256.FusedMultiplyAdd(Vector256.Load(src + o), wv, Vector256.Load(dst + o)).Store(dst + o);
            }
        }
        for (; o < hi; o++)
        {
            dst[o] = MathF.FusedMultiplyAdd(src[(long)o * stride], w, dst[o]);
        }
    }
}
