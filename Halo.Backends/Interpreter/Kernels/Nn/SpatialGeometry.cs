using Halo.Core.IR.Attributes;

namespace Halo.Backends.Interpreter.Kernels.Nn;

/// <summary>
/// The sliding-window geometry of Conv and pooling over up to three spatial axes, padded in front to
/// exactly three (1-D and 2-D inputs get leading axes of size 1), so one code path serves every rank.
/// </summary>
internal sealed class SpatialGeometry
{
    public const int Rank = 3;

    public int[] Input { get; } = [1, 1, 1];
    public int[] Kernel { get; } = [1, 1, 1];
    public int[] Stride { get; } = [1, 1, 1];
    public int[] Dilation { get; } = [1, 1, 1];
    public int[] PadBegin { get; } = [0, 0, 0];
    public int[] PadEnd { get; } = [0, 0, 0];
    public int[] Output { get; } = [1, 1, 1];

    /// <summary>The number of input positions per plane.</summary>
    public int InputSize => Input[0] * Input[1] * Input[2];

    /// <summary>The number of output positions per plane.</summary>
    public int OutputSize => Output[0] * Output[1] * Output[2];

    /// <summary>The number of kernel positions.</summary>
    public int KernelSize => Kernel[0] * Kernel[1] * Kernel[2];

    /// <summary>Computes the geometry from the input's spatial sizes, the kernel and the node's attributes.</summary>
    /// <exception cref="InvalidOperationException">Inconsistent attributes or a window larger than the input.</exception>
    public static SpatialGeometry Compute(ReadOnlySpan<int> input, ReadOnlySpan<int> kernel, AttributeMap attributes, bool ceilMode)
    {
        int n = input.Length;
        if (n is < 1 or > Rank || kernel.Length != n)
        {
            throw new InvalidOperationException($"Expected 1 to 3 spatial axes and a kernel of the same rank, got {n} and {kernel.Length}.");
        }
        var g = new SpatialGeometry();
        int off = Rank - n;
        var strides = attributes.GetInts("strides");
        var dilations = attributes.GetInts("dilations");
        var pads = attributes.GetInts("pads");
        string autoPad = attributes.GetString("auto_pad", "NOTSET") ?? "NOTSET";
        for (int i = 0; i < n; i++)
        {
            g.Input[off + i] = input[i];
            g.Kernel[off + i] = kernel[i];
            g.Stride[off + i] = strides is { } s && s.Length == n ? checked((int)s[i]) : 1;
            g.Dilation[off + i] = dilations is { } d && d.Length == n ? checked((int)d[i]) : 1;
            if (g.Stride[off + i] < 1 || g.Dilation[off + i] < 1 || g.Kernel[off + i] < 1)
            {
                throw new InvalidOperationException("Strides, dilations and kernel sizes must be positive.");
            }
            g.Axis(off + i, autoPad, pads is { } p && p.Length == 2 * n ? ((int)p[i], (int)p[i + n]) : (0, 0), ceilMode);
        }
        return g;
    }

    private void Axis(int i, string autoPad, (int Begin, int End) pads, bool ceilMode)
    {
        int extent = (Kernel[i] - 1) * Dilation[i] + 1;
        if (autoPad is "SAME_UPPER" or "SAME_LOWER")
        {
            // ONNX: output = ceil(input / stride); the extra padding goes at the end for SAME_UPPER.
            Output[i] = (Input[i] + Stride[i] - 1) / Stride[i];
            int total = Math.Max(0, (Output[i] - 1) * Stride[i] + extent - Input[i]);
            PadBegin[i] = autoPad == "SAME_UPPER" ? total / 2 : total - total / 2;
            PadEnd[i] = total - PadBegin[i];
            return;
        }
        (PadBegin[i], PadEnd[i]) = autoPad == "VALID" ? (0, 0) : pads;
        int span = Input[i] + PadBegin[i] + PadEnd[i] - extent;
        if (span < 0)
        {
            throw new InvalidOperationException($"The window ({extent}) is larger than the padded input ({Input[i] + PadBegin[i] + PadEnd[i]}).");
        }
        Output[i] = (ceilMode ? (span + Stride[i] - 1) / Stride[i] : span / Stride[i]) + 1;
        if (ceilMode && (Output[i] - 1) * Stride[i] >= Input[i] + PadBegin[i])
        {
            // ONNX: with ceil_mode, a last window that would start in the end padding is dropped.
            Output[i]--;
        }
    }

    /// <summary>The output spatial sizes for the original number of axes.</summary>
    public int[] OutputShape(int spatialRank) => Output[(Rank - spatialRank)..];
}
