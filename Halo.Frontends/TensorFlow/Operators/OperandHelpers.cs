using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;

namespace Halo.Frontends.TensorFlow.Operators;

/// <summary>Turns TensorFlow's int32 shape-like operands into the int64 operands ONNX takes.</summary>
internal static class OperandHelpers
{
    /// <summary>Input <paramref name="i"/> as an int64 operand: converted at import when constant, else through a
    /// Cast.</summary>
    public static ValueRef Int64Operand(TensorFlowNodeContext node, int i)
    {
        if (node.ConstantInput(i) is { ElementType: ElementType.Int32 } int32)
        {
            long[] values = [.. int32.AsSpan<int>().ToArray().Select(v => (long)v)];
            return TensorFlowNodeContext.Constant(TensorData.FromInt64s(values, [.. int32.Dimensions]));
        }
        return node.InputType(i).ElementType == ElementType.Int64 ? node.Inputs[i] : CastTo(node, node.Inputs[i], ElementType.Int64);
    }

    /// <summary>A Cast of <paramref name="value"/> to <paramref name="type"/> (ONNX and IR element type numbers agree).</summary>
    public static ValueRef CastTo(TensorFlowNodeContext node, ValueRef value, ElementType type) =>
        node.Emit("Cast", [value], AttributeMap.Empty.SetItem("to", AttributeValue.FromInt((long)type)));
}
