namespace Halo.Backends.Odla.Lowering;

/// <summary>CenterCropPad: an <c>odla_Slice</c> of the centred window along the cropped axes, then an
/// <c>odla_Pad</c> with zeros, split as evenly as ONNX says, along the padded ones (static shapes).</summary>
internal static class CenterCropPadLowering
{
    public static void Register(LoweringTableBuilder table) => table.Add("CenterCropPad", CenterCropPad);

    private static bool CenterCropPad(LoweringContext c)
    {
        if (c.ConstantInts(1) is not { } shape)
        {
            return c.Unsupported("the shape operand must be a constant; bind it or fold it with the standard passes");
        }
        long[] dims = c.InputShape(0);
        int rank = dims.Length;
        long[] axes = c.Ints("axes") is { IsEmpty: false } given ? [.. given.Select(a => LoweringContext.NormalizeAxis(a, rank))]
            : [.. Enumerable.Range(0, rank).Select(i => (long)i)];
        if (axes.Length != shape.Length || axes.Any(a => a < 0 || a >= rank))
        {
            return c.Unsupported("shape and axes differ in length or an axis is out of range");
        }
        long[] begin = new long[rank], end = [.. dims], front = new long[rank], back = new long[rank];
        for (int i = 0; i < axes.Length; i++)
        {
            int k = (int)axes[i];
            long n = dims[k], s = shape[i];
            if (n >= s)
            {
                // ONNX: the crop starts at floor((n - s) / 2).
                begin[k] = (n - s) / 2;
                end[k] = begin[k] + s;
            }
            else
            {
                front[k] = (s - n) / 2;
                back[k] = s - n - front[k];
            }
        }
        bool crops = begin.Where((b, k) => b != 0 || end[k] != dims[k]).Any();
        bool pads = front.Concat(back).Any(p => p != 0);
        string cropped = crops ? OdlaComposition.Slice(c, c.Value(0), begin, end, pads ? null : c.OutputId()) : c.Value(0);
        if (pads)
        {
            return c.Define(0, $"odla_Pad({cropped}, {c.Module.UInt32Array(front)}, {c.Module.UInt32Array(back)}, " +
                $"{c.OutputShapeExpression()}, {c.OutputId()})");
        }
        return crops
            ? c.Define(0, cropped)
            : c.Define(0, $"odla_Reshape({cropped}, {c.OutputShapeExpression()}, {c.OutputId()})");
    }
}
