using System.Runtime.Intrinsics;
using Halo.Backends.Interpreter.Threading;

namespace Halo.Backends.Interpreter.Kernels.Nn;

/// <summary>Unfolds the sliding windows of one group's input planes into a [C·kernel, output] matrix
/// (zeros where a window covers padding).</summary>
internal static unsafe partial class Im2Col
{
    /// <summary>Fills <paramref name="col"/> (rows = channel × kernel position, columns = output position).</summary>
    public static void Run(float* x, int channels, SpatialGeometry g, float* col, WorkerPool workers)
    {
        int rows = channels * g.KernelSize;
        var body = new Rows(x, g, col);
        workers.For(rows, workers.ChunksFor((long)rows * g.OutputSize, 1 << 15), ref body);
    }

    // PERF: hot loop; compiled fully optimized at once instead of going through tier 0.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Row(float* x, SpatialGeometry g, int r, float* col)
    {
        int kvol = g.KernelSize;
        int c = r / kvol, kp = r % kvol;
        int kw = kp % g.Kernel[2], kh = kp / g.Kernel[2] % g.Kernel[1], kd = kp / (g.Kernel[2] * g.Kernel[1]);
        float* plane = x + (long)c * g.InputSize;
        float* dst = col + (long)r * g.OutputSize;
        int ow = g.Output[2], sw = g.Stride[2];
        int offW = kw * g.Dilation[2] - g.PadBegin[2];
        var (lo, hi) = ValidRange(offW, sw, g.Input[2], ow);
        for (int od = 0; od < g.Output[0]; od++)
        {
            int id = od * g.Stride[0] - g.PadBegin[0] + kd * g.Dilation[0];
            for (int oh = 0; oh < g.Output[1]; oh++, dst += ow)
            {
                int ih = oh * g.Stride[1] - g.PadBegin[1] + kh * g.Dilation[1];
                if ((uint)id >= (uint)g.Input[0] || (uint)ih >= (uint)g.Input[1])
                {
                    new Span<float>(dst, ow).Clear();
                    continue;
                }
                float* src = plane + ((long)id * g.Input[1] + ih) * g.Input[2] + offW;
                new Span<float>(dst, lo).Clear();
                if (sw == 1)
                {
                    new ReadOnlySpan<float>(src + lo, hi - lo).CopyTo(new Span<float>(dst + lo, hi - lo));
                }
                else
                {
                    Gather(src, sw, dst, lo, hi);
                }
                new Span<float>(dst + hi, ow - hi).Clear();
            }
        }
    }

    /// <summary>dst[o] = src[o · stride] for o in [lo, hi).</summary>
    private static void Gather(float* src, int stride, float* dst, int lo, int hi)
    {
        int o = lo;
        if (stride == 2)
        {
            // PERF: 8 even elements of 16 with one in-register shuffle; the last load stays inside [lo, hi).
            var even = Vector256.Create(0, 2, 4, 6, 1, 3, 5, 7);
            for (; o + 9 <= hi; o += 8)
            {
                var a = Vector256.Shuffle(Vector256.Load(src + 2 * o), even);
                var b = Vector256.Shuffle(Vector256.Load(src + 2 * o + 8), even);
                Vector256.Create(a.GetLower(), b.GetLower()).Store(dst + o);
            }
        }
        for (; o < hi; o++)
        {
            dst[o] = src[(long)o * stride];
        }
    }

    /// <summary>The output positions [lo, hi) whose input position o·stride + offset lies in [0, size).</summary>
    public static (int Lo, int Hi) ValidRange(int offset, int stride, int size, int outputs)
    {
        int lo = offset >= 0 ? 0 : (-offset + stride - 1) / stride;
        int last = size - 1 - offset;
        int hi = last < 0 ? 0 : last / stride + 1;
        lo = Math.Min(lo, outputs);
        hi = Math.Clamp(hi, lo, outputs);
        return (lo, hi);
    }
}
