using System.Collections.Immutable;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;

namespace Halo.Frontends.TensorFlow.Operators;

/// <summary>Ops with several outputs: Split (axis first, equal parts), SplitV (sizes, one of them may be -1) and
/// Unpack (Split into size-1 parts, each squeezed).</summary>
internal static class SplitConverters
{
    public static void Register(Dictionary<string, TensorFlowOpConverter> table)
    {
        table["Split"] = Split;
        table["SplitV"] = SplitV;
        table["Unpack"] = Unpack;
    }

    private static ImmutableArray<ValueRef>? Split(TensorFlowNodeContext node)
    {
        long? parts = node.Int("num_split");
        if (!node.ExpectInputs(2) || parts is null || ScalarAxis(node, 0) is not { } axis || !CheckParts(node, "num_split", parts.Value))
        {
            return null;
        }
        return node.Emit("Split", [node.Inputs[1]], Attributes(axis).SetItem("num_outputs", AttributeValue.FromInt(parts.Value)), (int)parts.Value);
    }

    private static ImmutableArray<ValueRef>? SplitV(TensorFlowNodeContext node)
    {
        long? parts = node.Int("num_split");
        if (!node.ExpectInputs(3) || parts is null || node.ConstantInts(1, "the split sizes") is not { } sizes
            || ScalarAxis(node, 2) is not { } axis || !CheckParts(node, "num_split", parts.Value))
        {
            return null;
        }
        if (sizes.Length != parts.Value || sizes.Count(s => s == -1) > 1 || sizes.Any(s => s < -1))
        {
            node.Report(TensorFlowDiagnostics.UnsupportedOperand, 1, node.Description, node.InputType(1),
                "there must be num_split sizes, at least 0 except at most one -1");
            return null;
        }
        int inferred = Array.IndexOf(sizes, -1L);
        if (inferred >= 0)
        {
            var shape = node.InputType(0).Shape;
            int rank = shape.IsRanked ? shape.Rank : 0;
            long normalized = axis < 0 ? axis + rank : axis;
            if (!shape.IsRanked || normalized < 0 || normalized >= rank || !shape[(int)normalized].IsStatic)
            {
                node.Report(TensorFlowDiagnostics.UnsupportedOperand, 0, node.Description, node.InputType(0),
                    "a -1 split size needs a static size of the split axis");
                return null;
            }
            sizes[inferred] = shape[(int)normalized].Value - (sizes.Sum() + 1);
        }
        return node.Emit("Split", [node.Inputs[0], TensorFlowNodeContext.Int64s(sizes)], Attributes(axis), sizes.Length);
    }

    private static ImmutableArray<ValueRef>? Unpack(TensorFlowNodeContext node)
    {
        long? count = node.Int("num");
        long? axis = node.Int("axis", 0);
        if (!node.ExpectInputs(1) || count is null || axis is null || !CheckParts(node, "num", count.Value))
        {
            return null;
        }
        var parts = node.Emit("Split", [node.Inputs[0]], Attributes(axis.Value).SetItem("num_outputs", AttributeValue.FromInt(count.Value)), (int)count.Value);
        var axes = TensorFlowNodeContext.Int64s(axis.Value);
        return [.. parts.Select(p => node.Emit("Squeeze", [p, axes]))];
    }

    private static AttributeMap Attributes(long axis) => AttributeMap.Empty.SetItem("axis", AttributeValue.FromInt(axis));

    private static long? ScalarAxis(TensorFlowNodeContext node, int input)
    {
        var axis = node.ConstantInts(input, "the axis");
        if (axis is { Length: not 1 })
        {
            node.Report(TensorFlowDiagnostics.UnsupportedOperand, input, node.Description, node.InputType(input), "the axis must be one value");
            return null;
        }
        return axis?[0];
    }

    /// <summary>SECURITY: the output count comes from the file; bound it before allocating outputs.</summary>
    private static bool CheckParts(TensorFlowNodeContext node, string attribute, long parts)
    {
        if (parts is >= 1 and <= 1 << 16)
        {
            return true;
        }
        node.ReportAttribute(attribute, $"{parts} parts is out of range (1 to 65536)");
        return false;
    }
}
