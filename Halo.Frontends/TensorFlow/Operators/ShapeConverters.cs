using System.Collections.Immutable;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;

namespace Halo.Frontends.TensorFlow.Operators;

/// <summary>Shape and type manipulation: Reshape, Squeeze, ExpandDims, Transpose, Shape, Cast, Tile, Fill.</summary>
internal static class ShapeConverters
{
    public static void Register(Dictionary<string, TensorFlowOpConverter> table)
    {
        table["Reshape"] = Reshape;
        table["Squeeze"] = Squeeze;
        table["ExpandDims"] = ExpandDims;
        table["Transpose"] = Transpose;
        table["Shape"] = Shape;
        table["Cast"] = Cast;
        table["Tile"] = node => node.ExpectInputs(2) ? [node.Emit("Tile", [node.Inputs[0], OperandHelpers.Int64Operand(node, 1)])] : null;
        table["Fill"] = node => node.ExpectInputs(2) ? [node.Emit("Expand", [node.Inputs[1], OperandHelpers.Int64Operand(node, 0)])] : null;
    }

    /// <summary>Reshape: TensorFlow's 0 is an empty dimension (ONNX allowzero = 1), -1 is inferred in both.</summary>
    private static ImmutableArray<ValueRef>? Reshape(TensorFlowNodeContext node)
    {
        if (!node.ExpectInputs(2))
        {
            return null;
        }
        var shape = OperandHelpers.Int64Operand(node, 1);
        bool hasZero = (shape.Producer as GreenConstant)?.Data is { } data && data.AsSpan<long>().Contains(0L);
        var attributes = hasZero ? AttributeMap.Empty.SetItem("allowzero", AttributeValue.FromInt(1)) : null;
        return [node.Emit("Reshape", [node.Inputs[0], shape], attributes)];
    }

    private static ImmutableArray<ValueRef>? Squeeze(TensorFlowNodeContext node)
    {
        var axes = node.Ints("squeeze_dims", []);
        if (!node.ExpectInputs(1) || axes is null)
        {
            return null;
        }
        return axes.Value.IsEmpty
            ? [node.Emit("Squeeze", [node.Inputs[0]])]
            : [node.Emit("Squeeze", [node.Inputs[0], TensorFlowNodeContext.Int64s([.. axes.Value])])];
    }

    private static ImmutableArray<ValueRef>? ExpandDims(TensorFlowNodeContext node)
    {
        if (!node.ExpectInputs(2) || node.ConstantInts(1, "the axis") is not { } axis)
        {
            return null;
        }
        return [node.Emit("Unsqueeze", [node.Inputs[0], TensorFlowNodeContext.Int64s(axis)])];
    }

    private static ImmutableArray<ValueRef>? Transpose(TensorFlowNodeContext node)
    {
        if (!node.ExpectInputs(2) || node.ConstantInts(1, "the permutation") is not { } perm)
        {
            return null;
        }
        return [LayoutHelpers.Transpose(node, node.Inputs[0], perm)];
    }

    /// <summary>Shape: ONNX gives int64; TensorFlow's default out_type is int32.</summary>
    private static ImmutableArray<ValueRef>? Shape(TensorFlowNodeContext node)
    {
        var outType = node.DataType("out_type", ElementType.Int32);
        if (!node.ExpectInputs(1) || outType is null)
        {
            return null;
        }
        var shape = node.Emit("Shape", [node.Inputs[0]]);
        return [outType == ElementType.Int64 ? shape : OperandHelpers.CastTo(node, shape, outType.Value)];
    }

    private static ImmutableArray<ValueRef>? Cast(TensorFlowNodeContext node)
    {
        var to = node.DataType("DstT");
        if (!node.ExpectInputs(1) || to is null)
        {
            return null;
        }
        return [OperandHelpers.CastTo(node, node.Inputs[0], to.Value)];
    }
}
