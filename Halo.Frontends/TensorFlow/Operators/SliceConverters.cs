using System.Collections.Immutable;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;

namespace Halo.Frontends.TensorFlow.Operators;

/// <summary>Padding and slicing with constant bounds: Pad, PadV2, MirrorPad (REFLECT), Slice and StridedSlice
/// (begin, end and shrink-axis masks; ellipsis and new-axis masks are not supported).</summary>
internal static class SliceConverters
{
    public static void Register(Dictionary<string, TensorFlowOpConverter> table)
    {
        table["Pad"] = node => Pad(node, 2, "constant");
        table["PadV2"] = node => Pad(node, 3, "constant");
        table["MirrorPad"] = MirrorPad;
        table["Slice"] = Slice;
        table["StridedSlice"] = StridedSlice;
    }

    private static ImmutableArray<ValueRef>? MirrorPad(TensorFlowNodeContext node)
    {
        string? mode = node.String("mode");
        if (mode is not null and not "REFLECT")
        {
            node.ReportAttribute("mode", $"'{mode}' is not supported; only REFLECT has an ONNX equivalent");
            return null;
        }
        return mode is null ? null : Pad(node, 2, "reflect");
    }

    /// <summary>TensorFlow paddings are [rank, 2] (before, after per axis); ONNX pads are all befores, then all afters.</summary>
    private static ImmutableArray<ValueRef>? Pad(TensorFlowNodeContext node, int inputCount, string mode)
    {
        if (!node.ExpectInputs(inputCount) || node.ConstantInts(1, "the paddings") is not { } paddings)
        {
            return null;
        }
        if (paddings.Length % 2 != 0)
        {
            node.Report(TensorFlowDiagnostics.UnsupportedOperand, 1, node.Description, node.InputType(1), "paddings must be [rank, 2]");
            return null;
        }
        int rank = paddings.Length / 2;
        long[] pads = [.. Enumerable.Range(0, rank).Select(i => paddings[2 * i]), .. Enumerable.Range(0, rank).Select(i => paddings[2 * i + 1])];
        ImmutableArray<ValueRef> operands = inputCount == 3
            ? [node.Inputs[0], TensorFlowNodeContext.Int64s(pads), node.Inputs[2]]
            : [node.Inputs[0], TensorFlowNodeContext.Int64s(pads)];
        return [node.Emit("Pad", operands, AttributeMap.Empty.SetItem("mode", AttributeValue.FromString(mode)))];
    }

    /// <summary>Slice: a size of -1 runs to the end of the axis.</summary>
    private static ImmutableArray<ValueRef>? Slice(TensorFlowNodeContext node)
    {
        if (!node.ExpectInputs(3) || node.ConstantInts(1, "the begin indices") is not { } begin
            || node.ConstantInts(2, "the sizes") is not { } size)
        {
            return null;
        }
        if (begin.Length != size.Length)
        {
            node.Report(TensorFlowDiagnostics.UnsupportedOperand, 2, node.Description, node.InputType(2), "begin and size must have the same length");
            return null;
        }
        long[] ends = [.. begin.Zip(size, (b, s) => s == -1 ? long.MaxValue : b + s)];
        long[] axes = [.. Enumerable.Range(0, begin.Length).Select(i => (long)i)];
        return [node.Emit("Slice", [node.Inputs[0], TensorFlowNodeContext.Int64s(begin), TensorFlowNodeContext.Int64s(ends), TensorFlowNodeContext.Int64s(axes)])];
    }

    private static ImmutableArray<ValueRef>? StridedSlice(TensorFlowNodeContext node)
    {
        long? beginMask = node.Int("begin_mask", 0);
        long? endMask = node.Int("end_mask", 0);
        long? shrinkMask = node.Int("shrink_axis_mask", 0);
        long? ellipsisMask = node.Int("ellipsis_mask", 0);
        long? newAxisMask = node.Int("new_axis_mask", 0);
        if (!node.ExpectInputs(4) || beginMask is null || endMask is null || shrinkMask is null || ellipsisMask is null || newAxisMask is null)
        {
            return null;
        }
        if (ellipsisMask != 0 || newAxisMask != 0)
        {
            node.ReportAttribute(ellipsisMask != 0 ? "ellipsis_mask" : "new_axis_mask", "only 0 is supported");
            return null;
        }
        if (node.ConstantInts(1, "begin") is not { } begin || node.ConstantInts(2, "end") is not { } end
            || node.ConstantInts(3, "strides") is not { } strides)
        {
            return null;
        }
        if (begin.Length != end.Length || begin.Length != strides.Length || strides.Contains(0) || begin.Length > 63)
        {
            node.Report(TensorFlowDiagnostics.UnsupportedOperand, 3, node.Description, node.InputType(3),
                "begin, end and strides must have the same length (at most 63) and strides must not be 0");
            return null;
        }
        var shrunk = new List<long>();
        for (int i = 0; i < begin.Length; i++)
        {
            bool forward = strides[i] > 0;
            if ((shrinkMask.Value & (1L << i)) != 0)
            {
                // One element at begin: the end is begin + 1 (to the end of the axis for begin -1).
                end[i] = begin[i] == -1 ? long.MaxValue : begin[i] + 1;
                strides[i] = 1;
                shrunk.Add(i);
                continue;
            }
            if ((beginMask.Value & (1L << i)) != 0)
            {
                begin[i] = forward ? 0 : long.MaxValue;
            }
            if ((endMask.Value & (1L << i)) != 0)
            {
                end[i] = forward ? long.MaxValue : long.MinValue;
            }
        }
        long[] axes = [.. Enumerable.Range(0, begin.Length).Select(i => (long)i)];
        var sliced = node.Emit("Slice", [node.Inputs[0], TensorFlowNodeContext.Int64s(begin), TensorFlowNodeContext.Int64s(end),
            TensorFlowNodeContext.Int64s(axes), TensorFlowNodeContext.Int64s(strides)]);
        return shrunk.Count == 0 ? [sliced] : [node.Emit("Squeeze", [sliced, TensorFlowNodeContext.Int64s([.. shrunk])])];
    }
}
