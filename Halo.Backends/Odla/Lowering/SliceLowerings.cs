using Halo.Core.IR.Types;

namespace Halo.Backends.Odla.Lowering;

/// <summary>Slice, Split (one <c>odla_Slice</c> per output, so unequal parts work), Pad and Concat.</summary>
internal static class SliceLowerings
{
    public static void Register(LoweringTableBuilder table) => table
        .Add("Slice", Slice)
        .Add("Split", Split)
        .Add("Pad", Pad)
        .Add("Concat", c => c.Define(0, $"odla_Concat({c.Module.Values([.. Enumerable.Range(0, c.InputCount).Select(c.Value)])}, " +
            $"{LoweringContext.I(LoweringContext.NormalizeAxis(c.Int("axis", 0), c.InputRank(0)))}, {c.OutputShapeExpression()}, {c.OutputId()})"));

    private static bool Slice(LoweringContext c)
    {
        var shape = c.InputShape(0);
        long[]? starts, ends, axes, steps;
        if (c.Version < 10)
        {
            starts = c.Ints("starts") is { } s ? [.. s] : null;
            ends = c.Ints("ends") is { } e ? [.. e] : null;
            axes = c.Ints("axes") is { } a ? [.. a] : null;
            steps = null;
        }
        else
        {
            starts = c.ConstantInts(1);
            ends = c.ConstantInts(2);
            axes = c.HasInput(3) ? c.ConstantInts(3) : null;
            steps = c.HasInput(4) ? c.ConstantInts(4) : null;
            if ((c.HasInput(3) && axes is null) || (c.HasInput(4) && steps is null))
            {
                starts = null;
            }
        }
        if (starts is null || ends is null || starts.Length != ends.Length)
        {
            return c.Unsupported("starts, ends, axes and steps must be constants; fold them with the standard passes");
        }
        long[] begin = new long[shape.Length];
        long[] end = [.. shape];
        long[] stride = [.. shape.Select(_ => 1L)];
        for (int i = 0; i < starts.Length; i++)
        {
            int axis = (int)LoweringContext.NormalizeAxis(axes?[i] ?? i, shape.Length);
            long step = steps?[i] ?? 1;
            if (step == 0)
            {
                return c.Unsupported("a step of 0 is invalid");
            }
            (begin[axis], end[axis], stride[axis]) = Clamp(starts[i], ends[i], step, shape[axis]);
        }
        return EmitSlice(c, 0, begin, end, stride);
    }

    /// <summary>ONNX: negative indices count from the end; starts and ends clamp to [0, d] (step &gt; 0) or [-1, d-1].</summary>
    private static (long Start, long End, long Step) Clamp(long start, long end, long step, long dim)
    {
        start = start < 0 ? start + dim : start;
        end = end < 0 ? end + dim : end;
        return step > 0
            ? (Math.Clamp(start, 0, dim), Math.Clamp(end, 0, dim), step)
            : (Math.Clamp(start, 0, Math.Max(dim - 1, 0)), Math.Clamp(end, -1, dim - 1), step);
    }

    private static bool Split(LoweringContext c)
    {
        var shape = c.InputShape(0);
        int axis = (int)LoweringContext.NormalizeAxis(c.Int("axis", 0), shape.Length);
        long offset = 0;
        for (int i = 0; i < c.OutputCount; i++)
        {
            long size = c.OutputShape(i)[axis];
            long[] begin = new long[shape.Length];
            long[] end = [.. shape];
            begin[axis] = offset;
            end[axis] = offset + size;
            offset += size;
            if (c.IsOutputUsed(i))
            {
                EmitSlice(c, i, begin, end, [.. shape.Select(_ => 1L)]);
            }
        }
        return true;
    }

    private static bool EmitSlice(LoweringContext c, int output, long[] begin, long[] end, long[] stride)
    {
        var m = c.Module;
        return c.Define(output, $"odla_Slice({c.Value(0)}, {m.Int32Array(begin)}, {m.Int32Array(end)}, {m.Int32Array(stride)}, " +
            $"{c.OutputShapeExpression(output)}, {c.OutputId(output)})");
    }

    private static bool Pad(LoweringContext c)
    {
        int rank = c.InputRank(0);
        string mode = c.String("mode", "constant") ?? "constant";
        string? haloMode = mode switch
        {
            "reflect" => "ODLA_HALO_PAD_REFLECT",
            "edge" => "ODLA_HALO_PAD_EDGE",
            "wrap" => "ODLA_HALO_PAD_WRAP",
            _ => null,
        };
        if (mode != "constant" && haloMode is null)
        {
            return c.Unsupported($"mode '{mode}' is not an ONNX Pad mode");
        }
        long[]? pads = c.Version < 11 ? (c.Ints("pads") is { } p ? [.. p] : null) : c.ConstantInts(1);
        double value = c.Version < 11 ? c.Float("value", 0f) : c.HasInput(2) ? (c.ConstantDoubles(2) is [double v] ? v : double.NaN) : 0;
        // odla_Pad pads with zeros: another constant value v pads x - v and adds v back (operand 2, from opset 11).
        bool shifted = value != 0 && !double.IsNaN(value) && c.Version >= 11 && !c.InputIs(0, ElementType.Bool);
        if (pads is null || (haloMode is null && value != 0 && !shifted))
        {
            return c.Unsupported("pads must be a constant and the pad value a constant; fold them with the standard passes");
        }
        long[]? axes = c.HasInput(3) ? c.ConstantInts(3) : [.. Enumerable.Range(0, rank).Select(i => (long)i)];
        if (axes is null || pads.Length != 2 * axes.Length || pads.Any(p => p < 0))
        {
            return c.Unsupported("axes must be a constant and pads non-negative");
        }
        long[] front = new long[rank];
        long[] back = new long[rank];
        for (int i = 0; i < axes.Length; i++)
        {
            int axis = (int)LoweringContext.NormalizeAxis(axes[i], rank);
            front[axis] = pads[i];
            back[axis] = pads[i + axes.Length];
        }
        var m = c.Module;
        if (haloMode is not null)
        {
            // odla_Pad pads with zeros; the other modes are the Halo extension (the pad value is unused).
            return c.Define(0, $"{m.HaloExtension("odla_HaloPad")}({c.Value(0)}, {haloMode}, {m.UInt32Array(front)}, {m.UInt32Array(back)}, " +
                $"{c.OutputShapeExpression()}, {c.OutputId()})");
        }
        if (!shifted)
        {
            return c.Define(0, $"odla_Pad({c.Value(0)}, {m.UInt32Array(front)}, {m.UInt32Array(back)}, {c.OutputShapeExpression()}, {c.OutputId()})");
        }
        string difference = m.NewVariable();
        m.Define(difference, $"odla_Sub({c.Value(0)}, {c.Value(2)}, {m.Id(null)})");
        string padded = m.NewVariable();
        m.Define(padded, $"odla_Pad({difference}, {m.UInt32Array(front)}, {m.UInt32Array(back)}, {c.OutputShapeExpression()}, {m.Id(null)})");
        return c.Define(0, $"odla_Add({padded}, {c.Value(2)}, {c.OutputId()})");
    }
}
