using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>The runtime geometry of a convolution or pooling window over n spatial axes: output sizes,
/// begin pads, and the taps of each output position (kernel offset and input offset, both flattened).</summary>
internal sealed class SlidingWindow
{
    private readonly long[] _kernel;
    private readonly long[] _strides;
    private readonly long[] _dilations;
    private readonly long[] _padBegin;
    private readonly long[] _padEnd;
    private readonly long[] _input;
    private readonly long[] _inputStrides;

    private SlidingWindow(long[] input, long[] kernel, long[] strides, long[] dilations, long[] padBegin, long[] padEnd, long[] output)
    {
        _input = input;
        _kernel = kernel;
        _strides = strides;
        _dilations = dilations;
        _padBegin = padBegin;
        _padEnd = padEnd;
        Output = output;
        KernelSize = NnData.Product(kernel, 0, kernel.Length);
        InputSize = NnData.Product(input, 0, input.Length);
        OutputSize = NnData.Product(output, 0, output.Length);
        _inputStrides = new long[input.Length];
        for (int i = 0; i < input.Length; i++)
        {
            _inputStrides[i] = NnData.Product(input, i + 1, input.Length);
        }
    }

    /// <summary>The output spatial sizes.</summary>
    public long[] Output { get; }

    /// <summary>The number of kernel positions.</summary>
    public int KernelSize { get; }

    /// <summary>The number of input spatial positions.</summary>
    public int InputSize { get; }

    /// <summary>The number of output spatial positions.</summary>
    public int OutputSize { get; }

    /// <summary>The spatial sizes of the input.</summary>
    public long[] Input => _input;

    /// <summary>Reads strides, dilations, pads and auto_pad for <paramref name="kernel"/> over <paramref name="input"/>.</summary>
    public static SlidingWindow Create(EvaluationContext ctx, long[] input, long[] kernel, bool ceilMode)
    {
        int n = kernel.Length;
        if (input.Length != n)
        {
            ctx.Fail($"the input has {input.Length} spatial axes but the kernel {n}");
        }
        long[] strides = PerAxis(ctx, "strides", n, 1);
        long[] dilations = PerAxis(ctx, "dilations", n, 1);
        long[] pads = PerAxis(ctx, "pads", 2 * n, 0);
        string autoPad = ctx.GetString("auto_pad", "NOTSET") ?? "NOTSET";
        var begin = new long[n];
        var end = new long[n];
        var output = new long[n];
        for (int i = 0; i < n; i++)
        {
            long k = ((kernel[i] - 1) * dilations[i]) + 1;
            long s = strides[i];
            if (s < 1 || kernel[i] < 1 || dilations[i] < 1)
            {
                ctx.Fail("kernel sizes, strides and dilations must be positive");
            }
            if (autoPad is "SAME_UPPER" or "SAME_LOWER")
            {
                output[i] = (input[i] + s - 1) / s;
                long total = System.Math.Max(0, ((output[i] - 1) * s) + k - input[i]);
                begin[i] = autoPad == "SAME_UPPER" ? total / 2 : total - (total / 2);
                end[i] = total - begin[i];
                continue;
            }
            if (autoPad != "VALID")
            {
                begin[i] = pads[i];
                end[i] = pads[i + n];
            }
            long span = input[i] + begin[i] + end[i] - k;
            if (span < 0)
            {
                ctx.Fail($"spatial axis {i}: the padded input is smaller than the kernel");
            }
            output[i] = (ceilMode ? (span + s - 1) / s : span / s) + 1;
            if (ceilMode && (output[i] - 1) * s >= input[i] + begin[i])
            {
                output[i]--;
            }
        }
        return new SlidingWindow(input, kernel, strides, dilations, begin, end, output);
    }

    /// <summary>The integer list attribute <paramref name="name"/> of <paramref name="length"/> values, or fill.</summary>
    public static long[] PerAxis(EvaluationContext ctx, string name, int length, long fill)
    {
        if (ctx.GetInts(name) is not { } v)
        {
            return [.. Enumerable.Repeat(fill, length)];
        }
        if (v.Length != length)
        {
            ctx.Fail($"{name} has {v.Length} values, expected {length}");
        }
        return [.. v];
    }

    /// <summary>Fills the taps of output position <paramref name="o"/> (flattened) that fall inside the input:
    /// kernel offsets in <paramref name="kernelAt"/>, input offsets in <paramref name="inputAt"/>; returns how many,
    /// and in <paramref name="padded"/> how many taps fall inside the padded input.</summary>
    public int Taps(int o, int[] kernelAt, int[] inputAt, out int padded)
    {
        int count = 0;
        padded = 0;
        for (int k = 0; k < KernelSize; k++)
        {
            int rem = k;
            int orem = o;
            int offset = 0;
            bool inside = true;
            bool inPadded = true;
            for (int i = _kernel.Length - 1; i >= 0; i--)
            {
                long ki = rem % _kernel[i];
                rem = (int)(rem / _kernel[i]);
                long oi = orem % Output[i];
                orem = (int)(orem / Output[i]);
                long x = (oi * _strides[i]) - _padBegin[i] + (ki * _dilations[i]);
                inside &= x >= 0 && x < _input[i];
                inPadded &= x < _input[i] + _padEnd[i];
                offset += (int)(x * _inputStrides[i]);
            }
            padded += inPadded ? 1 : 0;
            if (inside)
            {
                kernelAt[count] = k;
                inputAt[count++] = offset;
            }
        }
        return count;
    }

    /// <summary>The row-major stride of input spatial axis <paramref name="axis"/>.</summary>
    public long Stride(int axis) => _inputStrides[axis];

    /// <summary>The column-major spatial offset of the row-major spatial offset <paramref name="offset"/>.</summary>
    public int ColumnMajor(int offset)
    {
        long result = 0;
        long colStride = 1;
        for (int i = 0; i < _input.Length; i++)
        {
            long rowStride = Stride(i);
            long xi = offset / rowStride % _input[i];
            result += xi * colStride;
            colStride *= _input[i];
        }
        return (int)result;
    }
}
