namespace Halo.Backends.Odla.Lowering;

/// <summary>MaxUnpool, Col2Im, AffineGrid, ReverseSequence, RoiAlign and DeformConv, lowered to the Halo extension
/// (<c>ODLA/odla_ops_halo.h</c>), and Det, lowered to ODLA's <c>odla_Det</c>.</summary>
internal static class ImageExtensionLowerings
{
    public static void Register(LoweringTableBuilder table) => table
        .Add("MaxUnpool", MaxUnpool, minVersion: 9)
        .Add("Col2Im", Col2Im, minVersion: 18)
        .Add("AffineGrid", c => c.Define(0, $"{c.Module.HaloExtension("odla_HaloAffineGrid")}({c.Value(0)}, " +
            $"{LoweringContext.B(c.Int("align_corners", 0) != 0)}, {c.OutputShapeExpression()}, {c.OutputId()})"), minVersion: 20)
        .Add("ReverseSequence", c => c.Define(0, $"{c.Module.HaloExtension("odla_HaloReverseSequence")}({c.Value(0)}, {c.Value(1)}, " +
            $"{LoweringContext.I(c.Int("batch_axis", 1))}, {LoweringContext.I(c.Int("time_axis", 0))}, {c.OutputId()})"), minVersion: 10)
        .Add("RoiAlign", RoiAlign, minVersion: 10)
        .Add("DeformConv", DeformConv, minVersion: 19)
        .Add("Det", c => c.Define(0, $"odla_Det({c.Value(0)}, {c.OutputShapeExpression()}, {c.OutputId()})"), minVersion: 11);

    private static bool MaxUnpool(LoweringContext c)
    {
        // ONNX: the indices address the input of the MaxPool this undoes, whose shape the attributes give.
        var input = c.InputShape(0);
        int n = input.Length - 2;
        var kernel = c.Ints("kernel_shape") is { } k && k.Length == n ? k.ToArray() : null;
        if (kernel is null)
        {
            return c.Unsupported("kernel_shape must give one size per spatial dimension");
        }
        var strides = c.Ints("strides") is { } s && s.Length == n ? s.ToArray() : Enumerable.Repeat(1L, n).ToArray();
        var pads = c.Ints("pads") is { } p && p.Length == 2 * n ? p.ToArray() : new long[2 * n];
        long[] pooled = [input[0], input[1], .. Enumerable.Range(0, n).Select(i => ((input[i + 2] - 1) * strides[i]) + kernel[i] - pads[i] - pads[i + n])];
        return c.Define(0, $"{c.Module.HaloExtension("odla_HaloMaxUnpool")}({c.Value(0)}, {c.Value(1)}, {c.Module.Shape(pooled)}, " +
            $"{c.OutputShapeExpression()}, {c.OutputId()})");
    }

    private static bool RoiAlign(LoweringContext c)
    {
        string mode = c.String("mode", "avg") ?? "avg";
        // ONNX: opset 16 added coordinate_transformation_mode (default half_pixel); opset 10 behaves as output_half_pixel.
        string coordinates = c.Version >= 16 ? c.String("coordinate_transformation_mode", "half_pixel") ?? "half_pixel" : "output_half_pixel";
        if (mode is not ("avg" or "max") || coordinates is not ("half_pixel" or "output_half_pixel"))
        {
            return c.Unsupported("mode must be avg or max and coordinate_transformation_mode half_pixel or output_half_pixel");
        }
        return c.Define(0, $"{c.Module.HaloExtension("odla_HaloRoiAlign")}({c.Value(0)}, {c.Value(1)}, {c.Value(2)}, " +
            $"{LoweringContext.B(mode == "max")}, {LoweringContext.B(coordinates == "half_pixel")}, {LoweringContext.I(c.Int("sampling_ratio", 0))}, " +
            $"{LoweringContext.F(c.Float("spatial_scale", 1f))}, {c.OutputShapeExpression()}, {c.OutputId()})");
    }

    private static bool DeformConv(LoweringContext c)
    {
        if (c.InputRank(0) != 4)
        {
            return c.Unsupported("only two spatial dimensions have a Halo extension function");
        }
        long[] Pair(string name, long fill) => c.Ints(name) is { Length: >= 2 } v ? [v[0], v[1]] : [fill, fill];
        var m = c.Module;
        return c.Define(0, $"{m.HaloExtension("odla_HaloDeformConv")}({c.Value(0)}, {c.Value(1)}, {c.Value(2)}, {c.Value(3)}, {c.Value(4)}, " +
            $"{LoweringContext.I(c.Int("group", 1))}, {LoweringContext.I(c.Int("offset_group", 1))}, {m.UInt32Array(Pair("strides", 1))}, " +
            $"{m.UInt32Array(Pair("dilations", 1))}, {m.UInt32Array(Pair("pads", 0))}, {c.OutputShapeExpression()}, {c.OutputId()})");
    }

    private static bool Col2Im(LoweringContext c)
    {
        if (c.ConstantInts(2) is not { Length: > 0 } block)
        {
            return c.Unsupported("block_shape must be a constant; fold it with the standard passes");
        }
        int n = block.Length;
        long[] Attribute(string name, int count, long fill) =>
            c.Ints(name) is { } values && values.Length == count ? [.. values] : Enumerable.Repeat(fill, count).ToArray();
        var pads = Attribute("pads", 2 * n, 0);
        var m = c.Module;
        return c.Define(0, $"{m.HaloExtension("odla_HaloCol2Im")}({c.Value(0)}, {m.UInt32Array(block)}, {m.UInt32Array(Attribute("strides", n, 1))}, " +
            $"{m.UInt32Array(Attribute("dilations", n, 1))}, {m.UInt32Array(pads[..n])}, {m.UInt32Array(pads[n..])}, " +
            $"{c.OutputShapeExpression()}, {c.OutputId()})");
    }
}
