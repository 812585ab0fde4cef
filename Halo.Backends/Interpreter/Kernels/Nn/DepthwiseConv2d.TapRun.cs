using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Halo.Backends.Interpreter.Kernels.Nn;

internal static unsafe partial class DepthwiseConv2d
{
    /// <summary>A run of depthwise outputs: y[o] = clamp(bias + Σt w[t]·src[offset[t] + o]).</summary>
    private readonly struct TapRun(long* offsets, float* weights, int taps, float bias, float low, float high)
    {
        private readonly bool _clamps = !float.IsNegativeInfinity(low) || !float.IsPositiveInfinity(high);

        // PERF: four independent accumulators (32 outputs) hide the multiply-add latency; each output is stored
        // once, instead of one pass over an accumulator plane per tap.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run(float* src, float* y, int count)
        {
            int o = 0;
            var start = Vector256.Create(bias);
            for (; o + 32 <= count; o += 32)
            {
                Vector256<float> a0 = start, a1 = start, a2 = start, a3 = start;
                for (int t = 0; t < taps; t++)
                {
                    float* s = src + offsets[t] + o;
                    var w = Vector256.Create(weights[t]);
                    a0 = Vector256.FusedMultiplyAdd(Vector256.Load(s), w, a0);
                    a1 = Vector256.FusedMultiplyAdd(Vector256.Load(s + 8), w, a1);
                    a2 = Vector256.FusedMultiplyAdd(Vector256.Load(s + 16), w, a2);
                    a3 = Vector256.FusedMultiplyAdd(Vector256.Load(s + 24), w, a3);
                }
                Store(a0, y + o);
                Store(a1, y + o + 8);
                Store(a2, y + o + 16);
                Store(a3, y + o + 24);
            }
            for (; o + 8 <= count; o += 8)
            {
                var a = start;
                for (int t = 0; t < taps; t++)
                {
                    a = Vector256.FusedMultiplyAdd(Vector256.Load(src + offsets[t] + o), Vector256.Create(weights[t]), a);
                }
                Store(a, y + o);
            }
            for (; o < count; o++)
            {
                float a = bias;
                for (int t = 0; t < taps; t++)
                {
                    a = MathF.FusedMultiplyAdd(src[offsets[t] + o], weights[t], a);
                }
                // ONNX: Relu/Clip propagate NaN, as Math.Max/Min do.
                y[o] = _clamps ? Math.Min(Math.Max(a, low), high) : a;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Store(Vector256<float> value, float* y)
        {
            if (_clamps)
            {
                value = Vector256.Min(Vector256.Max(value, Vector256.Create(low)), Vector256.Create(high));
            }
            value.Store(y);
        }
    }
}
