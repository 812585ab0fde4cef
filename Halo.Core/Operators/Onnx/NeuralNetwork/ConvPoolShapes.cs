using System.Collections.Immutable;
using Halo.Core.IR.Types;

namespace Halo.Core.Operators.Onnx.NeuralNetwork;

/// <summary>Output-size arithmetic shared by the convolution and pooling operators (ONNX conv/pool rules).</summary>
internal static class ConvPoolShapes
{
    /// <summary>Spatial ranks above this are treated as malformed (guards allocations sized by the model).</summary>
    public const int MaxSpatialRank = 32;

    /// <summary>Reads strides, dilations, pads, auto_pad and ceil_mode for <paramref name="kernel"/>'s axes;
    /// reports and returns null when a list has the wrong length or a value is out of range.</summary>
    public static ConvWindow? ReadWindow(InferenceContext ctx, ImmutableArray<long> kernel)
    {
        int n = kernel.Length;
        if (n > MaxSpatialRank)
        {
            ctx.Fail($"{n} spatial axes are more than supported ({MaxSpatialRank})");
            return null;
        }
        if (kernel.Any(k => k < 1))
        {
            ctx.Fail($"kernel_shape [{string.Join(",", kernel)}] must be positive");
            return null;
        }
        var strides = PerAxis(ctx, "strides", n, 1, 1);
        var dilations = PerAxis(ctx, "dilations", n, 1, 1);
        var pads = PerAxis(ctx, "pads", 2 * n, 0, 0);
        string autoPad = ctx.GetString("auto_pad", "NOTSET") ?? "NOTSET";
        if (strides is null || dilations is null || pads is null)
        {
            return null;
        }
        if (autoPad is not ("NOTSET" or "VALID" or "SAME_UPPER" or "SAME_LOWER"))
        {
            ctx.Fail($"auto_pad '{autoPad}' is not one of NOTSET, VALID, SAME_UPPER, SAME_LOWER");
            return null;
        }
        if (autoPad != "NOTSET")
        {
            pads = [.. new long[2 * n]];
        }
        return new ConvWindow(kernel, strides.Value, dilations.Value, pads.Value, autoPad, ctx.GetInt("ceil_mode", 0) != 0);
    }

    /// <summary>The integer list attribute <paramref name="name"/> of <paramref name="length"/> values at least
    /// <paramref name="min"/>, or <paramref name="fill"/> repeated when absent; null (reported) when malformed.</summary>
    public static ImmutableArray<long>? PerAxis(InferenceContext ctx, string name, int length, long fill, long min)
    {
        var values = ctx.GetInts(name);
        if (values is not { } v)
        {
            return [.. Enumerable.Repeat(fill, length)];
        }
        if (v.Length != length)
        {
            ctx.Fail($"{name} has {v.Length} values, expected {length}");
            return null;
        }
        if (v.Any(x => x < min))
        {
            ctx.Fail($"{name} [{string.Join(",", v)}] has a value below {min}");
            return null;
        }
        return v;
    }

    /// <summary>The output size of spatial axis <paramref name="i"/> of a convolution or pooling window;
    /// null (reported) when the padded input is smaller than the kernel.</summary>
    public static Dimension? OutputDim(InferenceContext ctx, Dimension input, ConvWindow w, int i)
    {
        long k = w.EffectiveKernel(i);
        long s = w.Strides[i];
        if (!input.IsStatic)
        {
            // Stride 1 with total padding k - 1 keeps the size, symbolic or not.
            bool keeps = s == 1 && (w.IsSame || checked(w.Pads[i] + w.Pads[i + w.SpatialRank]) == k - 1);
            return keeps ? input : Dimension.Unknown;
        }
        long size = input.Value;
        long padBegin = w.Pads[i];
        long padEnd = w.Pads[i + w.SpatialRank];
        if (w.IsSame)
        {
            long residual = size % s;
            long total = System.Math.Max(0, residual == 0 ? k - s : k - residual);
            padBegin = w.AutoPad == "SAME_UPPER" ? total / 2 : total - (total / 2);
            padEnd = total - padBegin;
        }
        long padded = checked(size + padBegin + padEnd);
        if (padded < k)
        {
            ctx.Fail($"spatial axis {i}: padded input size {padded} is smaller than the kernel extent {k}");
            return null;
        }
        long output = (w.CeilMode ? CeilDiv(padded - k, s) : (padded - k) / s) + 1;
        if (w.CeilMode && (output - 1) * s >= size + padBegin)
        {
            // ONNX: a last window that would start inside the end padding is dropped.
            output--;
        }
        return Dimension.Of(output);
    }

    /// <summary>The output size of spatial axis <paramref name="i"/> of a transposed convolution.</summary>
    public static Dimension? TransposedOutputDim(InferenceContext ctx, Dimension input, ConvWindow w, long outputPadding, int i)
    {
        long k = w.EffectiveKernel(i);
        long s = w.Strides[i];
        if (!input.IsStatic)
        {
            bool keeps = s == 1 && !w.IsSame && outputPadding + k - 1 == checked(w.Pads[i] + w.Pads[i + w.SpatialRank]);
            return keeps || (s == 1 && w.IsSame) ? input : Dimension.Unknown;
        }
        long full = checked((s * (input.Value - 1)) + outputPadding + k);
        long output = w.IsSame ? checked(input.Value * s) : full - w.Pads[i] - w.Pads[i + w.SpatialRank];
        if (w.IsSame && output > full)
        {
            // The total padding cannot be negative: the output is at most the unpadded full size.
            output = full;
        }
        if (output < 0)
        {
            ctx.Fail($"spatial axis {i}: the pads make the output size negative ({output})");
            return null;
        }
        return Dimension.Of(output);
    }

    /// <summary>Builds [<paramref name="n"/>, <paramref name="c"/>, spatial...] after computing each spatial
    /// size with <paramref name="spatial"/>; null when one of them failed.</summary>
    public static Shape? BatchChannelShape(Dimension n, Dimension c, Shape x, int spatialRank,
        Func<Dimension, int, Dimension?> spatial)
    {
        var dims = new Dimension[spatialRank + 2];
        dims[0] = n;
        dims[1] = c;
        for (int i = 0; i < spatialRank; i++)
        {
            var input = x.IsRanked ? x[i + 2] : Dimension.Unknown;
            if (spatial(input, i) is not { } d)
            {
                return null;
            }
            dims[i + 2] = d;
        }
        return Shape.Of(ImmutableArray.Create(dims));
    }

    /// <summary>The kernel_shape attribute, else the spatial dims of the weights when all static, else null.</summary>
    public static ImmutableArray<long>? KernelShape(InferenceContext ctx, Shape weights)
    {
        if (ctx.GetInts("kernel_shape") is { } k)
        {
            return k;
        }
        if (weights.IsRanked && weights.Rank >= 2 && weights.Dimensions.Skip(2).All(d => d.IsStatic))
        {
            return [.. weights.Dimensions.Skip(2).Select(d => d.Value)];
        }
        return null;
    }

    /// <summary>The spatial rank implied by X (rank - 2), the weights, or the kernel; -1 when unknown and
    /// (reported) -2 when X has fewer than 3 dimensions or the sources disagree.</summary>
    public static int SpatialRank(InferenceContext ctx, Shape x, Shape weights, ImmutableArray<long>? kernel)
    {
        int fromX = x.IsRanked ? x.Rank - 2 : -1;
        int fromW = weights.IsRanked ? weights.Rank - 2 : -1;
        int fromK = kernel?.Length ?? -1;
        if ((x.IsRanked && x.Rank < 3) || (weights.IsRanked && weights.Rank < 3))
        {
            ctx.Fail($"input X {x} and weights {weights} need rank 3 or more: (N, C, spatial...) and (M, C/group, kernel...)");
            return -2;
        }
        int rank = System.Math.Max(fromX, System.Math.Max(fromW, fromK));
        if ((fromX >= 0 && fromX != rank) || (fromW >= 0 && fromW != rank) || (fromK >= 0 && fromK != rank))
        {
            ctx.Fail($"X shape {x}, weight shape {weights} and kernel_shape disagree on the number of spatial axes");
            return -2;
        }
        return rank;
    }

    /// <summary>The dimension at <paramref name="index"/> of a ranked shape, else unknown.</summary>
    public static Dimension DimOrUnknown(Shape shape, int index) =>
        shape.IsRanked && index >= 0 && index < shape.Rank ? shape[index] : Dimension.Unknown;

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;
}
