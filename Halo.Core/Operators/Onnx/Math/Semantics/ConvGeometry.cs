using System.Collections.Immutable;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Math.Semantics;

/// <summary>Convolution geometry from the attributes: output sizes, and for an output position and a kernel
/// position the flat input position (or -1 inside the padding).</summary>
internal sealed class ConvGeometry
{
    private readonly long[] _in, _out, _kernel, _strides, _dilations, _padBegin;

    private ConvGeometry(long[] input, long[] output, long[] kernel, long[] strides, long[] dilations, long[] padBegin, int group,
        ImmutableArray<long> outputDims)
    {
        (_in, _out, _kernel, _strides, _dilations, _padBegin) = (input, output, kernel, strides, dilations, padBegin);
        Group = group;
        OutputDims = outputDims;
    }

    /// <summary>The group count.</summary>
    public int Group { get; }

    /// <summary>[N, M, O...].</summary>
    public ImmutableArray<long> OutputDims { get; }

    /// <summary>Elements per output channel.</summary>
    public int OutputSpatial => (int)_out.Aggregate(1L, (a, b) => a * b);

    /// <summary>Elements per input channel.</summary>
    public int InputSpatial => (int)_in.Aggregate(1L, (a, b) => a * b);

    /// <summary>Elements per kernel channel.</summary>
    public int KernelSpatial => (int)_kernel.Aggregate(1L, (a, b) => a * b);

    /// <summary>Flat input position read by output position o and kernel position k, or -1 in the padding.</summary>
    public int InputIndex(int o, int k)
    {
        long index = 0;
        for (int d = _in.Length - 1, os = o, ks = k, scale = 1; d >= 0; d--)
        {
            long oi = os % _out[d], ki = ks % _kernel[d];
            os /= (int)_out[d];
            ks /= (int)_kernel[d];
            long at = (oi * _strides[d]) + (ki * _dilations[d]) - _padBegin[d];
            if (at < 0 || at >= _in[d])
            {
                return -1;
            }
            index += at * scale;
            scale *= (int)_in[d];
        }
        return (int)index;
    }

    /// <summary>Reads kernel_shape, strides, dilations, pads, auto_pad and group.</summary>
    public static ConvGeometry Create(EvaluationContext ctx, ImmutableArray<long> xd, ImmutableArray<long> wd)
    {
        int s = xd.Length - 2;
        if (s < 1 || wd.Length != xd.Length)
        {
            ctx.Fail("convolution operands must be [N, C, D...] and [M, C/group, K...]");
        }
        int group = (int)ctx.GetInt("group", 1);
        if (group <= 0 || xd[1] % group != 0 || wd[1] * group != xd[1] || wd[0] % group != 0)
        {
            ctx.Fail($"channels {xd[1]} and weights [{string.Join(",", wd)}] do not fit group {group}");
        }
        long[] input = [.. xd[2..]], kernel = ctx.GetInts("kernel_shape") is { Length: > 0 } ks ? [.. ks] : [.. wd[2..]];
        if (!kernel.AsSpan().SequenceEqual(wd.AsSpan()[2..]))
        {
            ctx.Fail($"kernel_shape [{string.Join(",", kernel)}] differs from the weights' [{string.Join(",", wd[2..])}]");
        }
        long[] strides = ctx.GetInts("strides") is { Length: > 0 } st ? [.. st] : Ones(s);
        long[] dil = ctx.GetInts("dilations") is { Length: > 0 } dl ? [.. dl] : Ones(s);
        long[] pads = ctx.GetInts("pads") is { Length: > 0 } p ? [.. p] : new long[2 * s];
        if (strides.Length != s || dil.Length != s || pads.Length != 2 * s || strides.Any(v => v <= 0) || dil.Any(v => v <= 0))
        {
            ctx.Fail($"strides, dilations and pads must have {s}, {s} and {2 * s} entries, strides and dilations positive");
        }
        string autoPad = ctx.GetString("auto_pad", "NOTSET") ?? "NOTSET";
        var output = new long[s];
        var begin = new long[s];
        for (int d = 0; d < s; d++)
        {
            long effective = (dil[d] * (kernel[d] - 1)) + 1;
            if (autoPad is "SAME_UPPER" or "SAME_LOWER")
            {
                output[d] = (input[d] + strides[d] - 1) / strides[d];
                long total = System.Math.Max(0, ((output[d] - 1) * strides[d]) + effective - input[d]);
                begin[d] = autoPad == "SAME_UPPER" ? total / 2 : total - (total / 2);
                continue;
            }
            long b = autoPad == "VALID" ? 0 : pads[d], e = autoPad == "VALID" ? 0 : pads[d + s];
            begin[d] = b;
            output[d] = System.Math.Max(0, ((input[d] + b + e - effective) / strides[d]) + 1);
        }
        return new(input, output, kernel, strides, dil, begin, group, [xd[0], wd[0], .. output]);
    }

    private static long[] Ones(int n)
    {
        var r = new long[n];
        r.AsSpan().Fill(1);
        return r;
    }
}
