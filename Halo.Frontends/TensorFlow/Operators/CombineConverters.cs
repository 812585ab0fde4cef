using System.Collections.Immutable;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;

namespace Halo.Frontends.TensorFlow.Operators;

/// <summary>Joining tensors: ConcatV2 (axis last), Concat (axis first) and Pack (a new axis: Unsqueeze each, then
/// Concat).</summary>
internal static class CombineConverters
{
    public static void Register(Dictionary<string, TensorFlowOpConverter> table)
    {
        table["ConcatV2"] = node => Concat(node, axisInput: node.Inputs.Length - 1);
        table["Concat"] = node => Concat(node, axisInput: 0);
        table["Pack"] = Pack;
    }

    private static ImmutableArray<ValueRef>? Concat(TensorFlowNodeContext node, int axisInput)
    {
        if (!node.ExpectInputs(2, int.MaxValue) || node.ConstantInts(axisInput, "the axis") is not [long axis])
        {
            return node.Inputs.Length >= 2 && node.ConstantInput(axisInput) is { ElementCount: not 1 }
                ? NotOneAxis(node, axisInput) : null;
        }
        var values = node.Inputs.RemoveAt(axisInput);
        return [node.Emit("Concat", values, AttributeMap.Empty.SetItem("axis", AttributeValue.FromInt(axis)))];
    }

    private static ImmutableArray<ValueRef>? Pack(TensorFlowNodeContext node)
    {
        long? axis = node.Int("axis", 0);
        if (!node.ExpectInputs(1, int.MaxValue) || axis is null)
        {
            return null;
        }
        var axes = TensorFlowNodeContext.Int64s(axis.Value);
        var expanded = node.Inputs.Select(v => node.Emit("Unsqueeze", [v, axes])).ToImmutableArray();
        return expanded.Length == 1
            ? expanded
            : [node.Emit("Concat", expanded, AttributeMap.Empty.SetItem("axis", AttributeValue.FromInt(axis.Value)))];
    }

    private static ImmutableArray<ValueRef>? NotOneAxis(TensorFlowNodeContext node, int axisInput)
    {
        node.Report(TensorFlowDiagnostics.UnsupportedOperand, axisInput, node.Description, node.InputType(axisInput), "the axis must be one value");
        return null;
    }
}
