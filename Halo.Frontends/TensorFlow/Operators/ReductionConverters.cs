using System.Collections.Immutable;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;

namespace Halo.Frontends.TensorFlow.Operators;

/// <summary>Reductions over constant axes (Mean, Sum, Max, Min, Prod with keep_dims) and ArgMax/ArgMin over a
/// constant dimension. TensorFlow reduces nothing for empty axes, ONNX everything unless noop_with_empty_axes.</summary>
internal static class ReductionConverters
{
    public static void Register(Dictionary<string, TensorFlowOpConverter> table)
    {
        table["Mean"] = node => Reduce(node, "ReduceMean");
        table["Sum"] = node => Reduce(node, "ReduceSum");
        table["Max"] = node => Reduce(node, "ReduceMax");
        table["Min"] = node => Reduce(node, "ReduceMin");
        table["Prod"] = node => Reduce(node, "ReduceProd");
        table["ArgMax"] = node => Arg(node, "ArgMax");
        table["ArgMin"] = node => Arg(node, "ArgMin");
    }

    private static ImmutableArray<ValueRef>? Reduce(TensorFlowNodeContext node, string onnxOp)
    {
        bool? keepDims = node.Bool("keep_dims", false);
        if (!node.ExpectInputs(2) || keepDims is null || node.ConstantInts(1, "the reduction axes") is not { } axes)
        {
            return null;
        }
        var attributes = AttributeMap.Empty.SetItem("keepdims", AttributeValue.FromInt(keepDims.Value ? 1 : 0))
            .SetItem("noop_with_empty_axes", AttributeValue.FromInt(1));
        return [node.Emit(onnxOp, [node.Inputs[0], TensorFlowNodeContext.Int64s(axes)], attributes)];
    }

    private static ImmutableArray<ValueRef>? Arg(TensorFlowNodeContext node, string onnxOp)
    {
        var outputType = node.DataType("output_type", ElementType.Int64);
        if (!node.ExpectInputs(2) || outputType is null || node.ConstantInts(1, "the dimension") is not { } axis)
        {
            return null;
        }
        if (axis.Length != 1)
        {
            node.Report(TensorFlowDiagnostics.UnsupportedOperand, 1, node.Description, node.InputType(1), "the dimension must be one value");
            return null;
        }
        var attributes = AttributeMap.Empty.SetItem("axis", AttributeValue.FromInt(axis[0])).SetItem("keepdims", AttributeValue.FromInt(0));
        var result = node.Emit(onnxOp, [node.Inputs[0]], attributes);
        return [outputType == ElementType.Int64 ? result : OperandHelpers.CastTo(node, result, outputType.Value)];
    }
}
