using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Halo.Backends.Interpreter.Kernels.Nn;

/// <summary>
/// Depthwise convolution over one or two spatial axes. Each input plane is first copied into a zero-padded
/// scratch plane split into phases by row and column (padded position (r, c) goes to phase (r mod stride_h,
/// c mod stride_w) at (r / stride_h, c / stride_w)). Every kernel tap then reads, for a whole output row, one
/// contiguous run of the scratch, whatever the strides, dilations and padding, with no border checks: each
/// output vector sums its taps in registers, starting from the bias, and is clamped by the fused activation and
/// stored once (<see cref="TapRun"/>).
/// </summary>
internal static unsafe partial class DepthwiseConv2d
{
    // Output rows at least this wide are computed straight into the output, row by row.
    private const int WideRow = 32;

    [ThreadStatic]
    private static float[]? t_scratch;

    // The scratch offset of every kernel tap's first input, for output (0, 0).
    [ThreadStatic]
    private static long[]? t_offsets;

    // The geometry whose padding the scratch currently holds as zeros (interiors are rewritten for every plane).
    [ThreadStatic]
    private static SpatialGeometry? t_cleared;

    /// <summary>Whether the geometry suits this kernel (no depth axis; the scratch stays small).</summary>
    public static bool Supports(SpatialGeometry g) => g.Kernel[0] == 1 && g.Input[0] == 1 && g.Stride[0] == 1
        && new Layout(g).Total <= 1 << 22;

    /// <summary>Computes output plane <paramref name="plane"/> (batch × filter index).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Plane(ConvJob job, int plane, float low, float high)
    {
        var g = job.Geometry;
        var layout = new Layout(g);
        if (t_scratch is null || t_scratch.Length < layout.Total)
        {
            t_scratch = GC.AllocateArray<float>((int)layout.Total, pinned: true);
            t_cleared = null;
        }
        float* scratch = (float*)Unsafe.AsPointer(ref t_scratch[0]);
        if (!ReferenceEquals(t_cleared, g))
        {
            new Span<float>(scratch, (int)layout.Phases).Clear();
            t_cleared = g;
        }
        int f = plane % job.Filters;
        Spread(g, layout, job.X + (long)plane * g.InputSize, scratch);
        int taps = g.Kernel[1] * g.Kernel[2];
        if (t_offsets is null || t_offsets.Length < taps)
        {
            t_offsets = GC.AllocateArray<long>(taps, pinned: true);
        }
        long* offsets = (long*)Unsafe.AsPointer(ref t_offsets[0]);
        for (int kh = 0; kh < g.Kernel[1]; kh++)
        {
            int r = kh * g.Dilation[1];
            for (int kw = 0; kw < g.Kernel[2]; kw++)
            {
                int c = kw * g.Dilation[2];
                offsets[kh * g.Kernel[2] + kw] = layout.PhaseStart(r % g.Stride[1], c % g.Stride[2]) + (long)(r / g.Stride[1]) * layout.Pitch + c / g.Stride[2];
            }
        }
        var run = new TapRun(offsets, job.W + (long)f * g.KernelSize, taps, job.Bias is null ? 0f : job.Bias[f], low, high);
        int ow = g.Output[2];
        float* y = job.Y + (long)plane * g.OutputSize;
        if (ow >= WideRow)
        {
            for (int oh = 0; oh < g.Output[1]; oh++)
            {
                run.Run(scratch + (long)oh * layout.Pitch, y + (long)oh * ow, ow);
            }
            return;
        }
        // PERF: narrow planes (late layers) would spend their time in per-row tails: the whole plane, laid out with
        // the phase pitch, is computed as one run of vectors and its valid columns are copied out while in L1.
        float* acc = scratch + layout.Phases;
        run.Run(scratch, acc, g.Output[1] * layout.Pitch);
        for (int oh = 0; oh < g.Output[1]; oh++)
        {
            new ReadOnlySpan<float>(acc + (long)oh * layout.Pitch, ow).CopyTo(new Span<float>(y + (long)oh * ow, ow));
        }
    }

    /// <summary>Copies the plane's rows into their phases (the padding cells stay zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Spread(SpatialGeometry g, in Layout layout, float* x, float* scratch)
    {
        int sh = g.Stride[1], sw = g.Stride[2];
        for (int ih = 0; ih < g.Input[1]; ih++)
        {
            float* src = x + (long)ih * g.Input[2];
            int r = ih + g.PadBegin[1];
            int c0 = g.PadBegin[2];
            float* row = scratch + layout.PhaseStart(r % sh, 0) + (long)(r / sh) * layout.Pitch;
            if (sw == 1)
            {
                new ReadOnlySpan<float>(src, g.Input[2]).CopyTo(new Span<float>(row + c0, g.Input[2]));
                continue;
            }
            // PERF: walk phase and column incrementally; a division per element would cost more than the convolution.
            int phase = c0 % sw, column = c0 / sw, iw = 0;
            if (sw == 2)
            {
                if (phase == 1)
                {
                    row[layout.PhaseSize + column++] = src[iw++];
                    phase = 0;
                }
                // PERF: split 16 columns into 8 even and 8 odd ones with two in-register shuffles.
                for (; iw + 16 <= g.Input[2]; iw += 16, column += 8)
                {
                    var a = Vector256.Shuffle(Vector256.Load(src + iw), Vector256.Create(0, 2, 4, 6, 1, 3, 5, 7));
                    var b = Vector256.Shuffle(Vector256.Load(src + iw + 8), Vector256.Create(0, 2, 4, 6, 1, 3, 5, 7));
                    Vector256.Create(a.GetLower(), b.GetLower()).Store(row + column);
                    Vector256.Create(a.GetUpper(), b.GetUpper()).Store(row + layout.PhaseSize + column);
                }
            }
            for (; iw < g.Input[2]; iw++)
            {
                row[phase * layout.PhaseSize + column] = src[iw];
                if (++phase == sw)
                {
                    phase = 0;
                    column++;
                }
            }
        }
    }

    /// <summary>Sizes of the phase planes: each has rows of <see cref="Pitch"/> floats and one spare row, so that
    /// the pitch-wide output rows may read past the last real column without leaving the plane.</summary>
    private readonly struct Layout
    {
        public Layout(SpatialGeometry g)
        {
            long height = (long)g.Input[1] + g.PadBegin[1] + g.PadEnd[1], width = (long)g.Input[2] + g.PadBegin[2] + g.PadEnd[2];
            RowPhases = g.Stride[1];
            ColumnPhases = g.Stride[2];
            Pitch = (int)Math.Min(int.MaxValue, (width + g.Stride[2] - 1) / g.Stride[2]);
            PhaseSize = ((height + g.Stride[1] - 1) / g.Stride[1] + 1) * Pitch;
            Phases = PhaseSize * RowPhases * ColumnPhases;
            Total = Phases + (long)g.Output[1] * Pitch;
        }

        public int RowPhases { get; }

        public int ColumnPhases { get; }

        /// <summary>Floats per phase row (and per accumulator row).</summary>
        public int Pitch { get; }

        /// <summary>Floats per phase plane.</summary>
        public long PhaseSize { get; }

        /// <summary>Floats of all phase planes (the accumulator plane follows them).</summary>
        public long Phases { get; }

        /// <summary>Floats of the whole scratch.</summary>
        public long Total { get; }

        public long PhaseStart(int rowPhase, int columnPhase) => (rowPhase * (long)ColumnPhases + columnPhase) * PhaseSize;
    }
}
