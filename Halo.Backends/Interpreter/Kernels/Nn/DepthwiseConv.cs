using System.Numerics.Tensors;

namespace Halo.Backends.Interpreter.Kernels.Nn;

/// <summary>Direct convolution when every group has one input and one output channel (depthwise):
/// each output row accumulates shifted input rows, vectorized for unit strides.</summary>
internal static unsafe class DepthwiseConv
{
    public static void Run(ConvJob job, ParallelOptions parallel)
    {
        int planes = job.Batch * job.Filters;
        Parallel.For(0, planes, parallel, plane => Plane(job, plane));
    }

    private static void Plane(ConvJob job, int plane)
    {
        var g = job.Geometry;
        int f = plane % job.Filters;
        float* x = job.X + (long)plane * g.InputSize;
        float* y = job.Y + (long)plane * g.OutputSize;
        float* w = job.W + (long)f * g.KernelSize;
        new Span<float>(y, g.OutputSize).Fill(job.Bias is null ? 0f : job.Bias[f]);
        int ow = g.Output[2], sw = g.Stride[2];
        for (int kd = 0; kd < g.Kernel[0]; kd++)
        {
            for (int kh = 0; kh < g.Kernel[1]; kh++)
            {
                for (int kw = 0; kw < g.Kernel[2]; kw++)
                {
                    float wv = w[(kd * g.Kernel[1] + kh) * g.Kernel[2] + kw];
                    int offW = kw * g.Dilation[2] - g.PadBegin[2];
                    var (lo, hi) = Im2Col.ValidRange(offW, sw, g.Input[2], ow);
                    for (int od = 0; od < g.Output[0]; od++)
                    {
                        int id = od * g.Stride[0] - g.PadBegin[0] + kd * g.Dilation[0];
                        for (int oh = 0; oh < g.Output[1]; oh++)
                        {
                            int ih = oh * g.Stride[1] - g.PadBegin[1] + kh * g.Dilation[1];
                            if ((uint)id >= (uint)g.Input[0] || (uint)ih >= (uint)g.Input[1] || hi <= lo)
                            {
                                continue;
                            }
                            float* src = x + ((long)id * g.Input[1] + ih) * g.Input[2] + offW;
                            float* dst = y + ((long)od * g.Output[1] + oh) * ow;
                            Accumulate(src, sw, wv, dst, lo, hi);
                        }
                    }
                }
            }
        }
    }

    private static void Accumulate(float* src, int stride, float w, float* dst, int lo, int hi)
    {
        if (stride == 1)
        {
            var d = new Span<float>(dst + lo, hi - lo);
            TensorPrimitives.MultiplyAdd(new ReadOnlySpan<float>(src + lo, hi - lo), w, d, d);
            return;
        }
        for (int o = lo; o < hi; o++)
        {
            dst[o] = MathF.FusedMultiplyAdd(src[(long)o * stride], w, dst[o]);
        }
    }
}
