using System.Collections.Frozen;

namespace Halo.Cli.Execution;

/// <summary>
/// The operands of ONNX operators that determine the shape of a result (or, like Clip's bounds, must be constants
/// for ODLA code), by operand index. The operator schemas do not mark them, so they are listed here once; the
/// conformance binder may bind a graph input that feeds one of them as a constant whatever its element type.
/// </summary>
internal static class ShapeOperands
{
    private static readonly FrozenDictionary<string, int[]> s_operands = new Dictionary<string, int[]>(StringComparer.Ordinal)
    {
        ["Resize"] = [1, 2, 3],
        ["Upsample"] = [1],
        ["Reshape"] = [1],
        ["Expand"] = [1],
        ["Tile"] = [1],
        ["ConstantOfShape"] = [0],
        ["Range"] = [0, 1, 2],
        ["Slice"] = [1, 2, 3, 4],
        ["Pad"] = [1, 2, 3],
        ["CenterCropPad"] = [1, 2],
        ["TopK"] = [1],
        ["OneHot"] = [1],
        ["Split"] = [1],
        ["Squeeze"] = [1],
        ["Unsqueeze"] = [1],
        ["Trilu"] = [1],
        ["Clip"] = [1, 2],
        ["ReduceSum"] = [1],
        ["ReduceMean"] = [1],
        ["ReduceMax"] = [1],
        ["ReduceMin"] = [1],
        ["ReduceProd"] = [1],
        ["ReduceL1"] = [1],
        ["ReduceL2"] = [1],
        ["ReduceLogSum"] = [1],
        ["ReduceLogSumExp"] = [1],
        ["ReduceSumSquare"] = [1],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Whether operand <paramref name="index"/> of <paramref name="operatorName"/> determines a result's shape.</summary>
    public static bool Contains(string operatorName, int index) =>
        s_operands.TryGetValue(operatorName, out var indices) && indices.Contains(index);
}
