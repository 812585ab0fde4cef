namespace Halo.Backends.Odla.Lowering;

/// <summary>Strides, dilations and explicit front/back paddings of a windowed operator (Conv, ConvTranspose, pools),
/// with <c>auto_pad</c> and <c>ceil_mode</c> resolved against the static shapes.</summary>
/// <param name="Strides">Per spatial dimension.</param>
/// <param name="Dilations">Per spatial dimension.</param>
/// <param name="Front">Padding before each spatial dimension.</param>
/// <param name="Back">Padding after each spatial dimension.</param>
internal sealed record WindowGeometry(long[] Strides, long[] Dilations, long[] Front, long[] Back)
{
    /// <summary>Conv and pools: <paramref name="input"/>, <paramref name="window"/> and <paramref name="output"/> are the spatial sizes.</summary>
    public static WindowGeometry Forward(LoweringContext c, long[] input, long[] window, long[] output)
    {
        int n = input.Length;
        var strides = Attribute(c, "strides", n, 1);
        var dilations = Attribute(c, "dilations", n, 1);
        var pads = Attribute(c, "pads", 2 * n, 0);
        var front = pads[..n];
        var back = pads[n..];
        string autoPad = c.String("auto_pad", "NOTSET") ?? "NOTSET";
        for (int i = 0; i < n; i++)
        {
            long extent = ((window[i] - 1) * dilations[i]) + 1;
            long total = Math.Max(0, ((output[i] - 1) * strides[i]) + extent - input[i]);
            switch (autoPad)
            {
                case "VALID":
                    front[i] = 0;
                    back[i] = 0;
                    break;
                case "SAME_UPPER":
                    front[i] = total / 2;
                    back[i] = total - front[i];
                    break;
                case "SAME_LOWER":
                    back[i] = total / 2;
                    front[i] = total - back[i];
                    break;
                default:
                    // ONNX: ceil_mode makes the last window start inside the input; extend the back padding to cover it.
                    back[i] = Math.Max(back[i], total - front[i]);
                    break;
            }
        }
        return new(strides, dilations, front, back);
    }

    /// <summary>ConvTranspose: the paddings that give the static output shape.</summary>
    public static WindowGeometry Transposed(LoweringContext c, long[] input, long[] window, long[] output)
    {
        int n = input.Length;
        var strides = Attribute(c, "strides", n, 1);
        var dilations = Attribute(c, "dilations", n, 1);
        var pads = Attribute(c, "pads", 2 * n, 0);
        var outputPadding = Attribute(c, "output_padding", n, 0);
        string autoPad = c.String("auto_pad", "NOTSET") ?? "NOTSET";
        bool derive = autoPad is "SAME_UPPER" or "SAME_LOWER" || c.Ints("output_shape") is not null;
        var front = pads[..n];
        var back = pads[n..];
        for (int i = 0; derive && i < n; i++)
        {
            // ONNX: total_padding = stride * (in - 1) + output_padding + ((kernel - 1) * dilation + 1) - out.
            long total = Math.Max(0, (strides[i] * (input[i] - 1)) + outputPadding[i] + ((window[i] - 1) * dilations[i]) + 1 - output[i]);
            bool upper = autoPad == "SAME_UPPER";
            front[i] = upper ? total / 2 : total - (total / 2);
            back[i] = total - front[i];
        }
        return new(strides, dilations, front, back);
    }

    private static long[] Attribute(LoweringContext c, string name, int count, long fill) =>
        c.Ints(name) is { Length: var length } values && length == count ? [.. values] : Enumerable.Repeat(fill, count).ToArray();
}
