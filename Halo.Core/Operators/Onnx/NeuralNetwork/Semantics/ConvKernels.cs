using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>Conv and ConvTranspose over any number of spatial axes, with groups, dilations, pads and auto_pad.</summary>
internal static class ConvKernels
{
    /// <summary>Conv (all versions).</summary>
    public static void Conv(EvaluationContext ctx)
    {
        long[] xd = NnData.Dims(ctx, 0);
        long[] wd = NnData.Dims(ctx, 1);
        if (xd.Length < 3 || wd.Length != xd.Length)
        {
            ctx.Fail("X and W need the same rank of at least 3");
        }
        int group = (int)ctx.GetInt("group", 1);
        long batch = xd[0], channels = xd[1], m = wd[0], cg = wd[1];
        if (group < 1 || channels != cg * group || m % group != 0)
        {
            ctx.Fail($"X has {channels} channels, W expects {cg} per group times {group} groups for {m} outputs");
        }
        var window = SlidingWindow.Create(ctx, xd[2..], wd[2..], ceilMode: false);
        CheckKernelShape(ctx, wd);
        double[] x = NnData.Doubles(ctx, 0);
        double[] w = NnData.Doubles(ctx, 1);
        double[]? b = NnData.OptionalDoubles(ctx, 2);
        long[] yd = [batch, m, .. window.Output];
        var y = new double[NnData.Count(ctx, yd)];
        var kernelAt = new int[window.KernelSize];
        var inputAt = new int[window.KernelSize];
        int ks = window.KernelSize, ins = window.InputSize, outs = window.OutputSize;
        long mg = m / group;
        for (int o = 0; o < outs; o++)
        {
            int taps = window.Taps(o, kernelAt, inputAt, out _);
            for (long n = 0; n < batch; n++)
            {
                for (long oc = 0; oc < m; oc++)
                {
                    long g = oc / mg;
                    double sum = b is null ? 0 : b[oc];
                    for (long c = 0; c < cg; c++)
                    {
                        long xBase = ((n * channels) + (g * cg) + c) * ins;
                        long wBase = ((oc * cg) + c) * ks;
                        for (int t = 0; t < taps; t++)
                        {
                            sum += x[xBase + inputAt[t]] * w[wBase + kernelAt[t]];
                        }
                    }
                    y[(((n * m) + oc) * outs) + o] = sum;
                }
            }
        }
        NnData.Set(ctx, 0, y, yd);
    }

    /// <summary>ConvTranspose (all versions).</summary>
    public static void ConvTranspose(EvaluationContext ctx)
    {
        long[] xd = NnData.Dims(ctx, 0);
        long[] wd = NnData.Dims(ctx, 1);
        int group = (int)ctx.GetInt("group", 1);
        if (xd.Length < 3 || wd.Length != xd.Length || group < 1 || xd[1] != wd[0] || wd[0] % group != 0)
        {
            ctx.Fail("X (N, C, ...) and W (C, M/group, ...) do not agree");
        }
        CheckKernelShape(ctx, wd);
        int n = xd.Length - 2;
        long[] kernel = wd[2..];
        var geometry = TransposedGeometry(ctx, xd[2..], kernel);
        long batch = xd[0], channels = xd[1], mg = wd[1], m = mg * group, cg = channels / group;
        long[] yd = [batch, m, .. geometry.Output];
        var y = new double[NnData.Count(ctx, yd)];
        double[] x = NnData.Doubles(ctx, 0);
        double[] w = NnData.Doubles(ctx, 1);
        double[]? b = NnData.OptionalDoubles(ctx, 2);
        int ins = NnData.Product(xd, 2, xd.Length), outs = NnData.Product(yd, 2, yd.Length), ks = NnData.Product(kernel, 0, n);
        var map = geometry.Map(ins, ks);
        for (long bn = 0; bn < batch; bn++)
        {
            for (long c = 0; c < channels; c++)
            {
                long g = c / cg;
                for (long oc = 0; oc < mg; oc++)
                {
                    long yBase = ((bn * m) + (g * mg) + oc) * outs;
                    long wBase = ((c * mg) + oc) * ks;
                    long xBase = ((bn * channels) + c) * ins;
                    for (int i = 0; i < ins; i++)
                    {
                        double xv = x[xBase + i];
                        for (int k = 0; k < ks; k++)
                        {
                            int at = map[(i * ks) + k];
                            if (at >= 0)
                            {
                                y[yBase + at] += xv * w[wBase + k];
                            }
                        }
                    }
                }
            }
        }
        AddBias(y, b, batch, m, outs);
        NnData.Set(ctx, 0, y, yd);
    }

    private static void AddBias(double[] y, double[]? b, long batch, long m, int outs)
    {
        if (b is null)
        {
            return;
        }
        for (long i = 0; i < batch * m; i++)
        {
            double v = b[i % m];
            for (int o = 0; o < outs; o++)
            {
                y[(i * outs) + o] += v;
            }
        }
    }

    private static void CheckKernelShape(EvaluationContext ctx, long[] wd)
    {
        if (ctx.GetInts("kernel_shape") is { } k && !k.SequenceEqual(wd[2..]))
        {
            ctx.Fail($"kernel_shape [{string.Join(",", k)}] does not match W");
        }
    }

    private static TransposedWindow TransposedGeometry(EvaluationContext ctx, long[] input, long[] kernel)
    {
        int n = kernel.Length;
        long[] strides = SlidingWindow.PerAxis(ctx, "strides", n, 1);
        long[] dilations = SlidingWindow.PerAxis(ctx, "dilations", n, 1);
        long[] pads = SlidingWindow.PerAxis(ctx, "pads", 2 * n, 0);
        long[] outputPadding = SlidingWindow.PerAxis(ctx, "output_padding", n, 0);
        string autoPad = ctx.GetString("auto_pad", "NOTSET") ?? "NOTSET";
        var given = ctx.GetInts("output_shape");
        var begin = new long[n];
        var output = new long[n];
        for (int i = 0; i < n; i++)
        {
            long full = (strides[i] * (input[i] - 1)) + outputPadding[i] + ((kernel[i] - 1) * dilations[i]) + 1;
            if (given is { } os || autoPad is "SAME_UPPER" or "SAME_LOWER")
            {
                output[i] = given is { } g ? g[g.Length - n + i] : input[i] * strides[i];
                long total = full - output[i];
                long half = (long)System.Math.Floor(total / 2.0);
                begin[i] = autoPad == "SAME_UPPER" ? half : total - half;
            }
            else
            {
                begin[i] = autoPad == "VALID" ? 0 : pads[i];
                output[i] = full - begin[i] - (autoPad == "VALID" ? 0 : pads[i + n]);
            }
            if (output[i] < 0)
            {
                ctx.Fail($"spatial axis {i}: negative output size");
            }
        }
        return new TransposedWindow(input, kernel, strides, dilations, begin, output);
    }
}
