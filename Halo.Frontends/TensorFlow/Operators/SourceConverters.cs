using System.Collections.Immutable;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;

namespace Halo.Frontends.TensorFlow.Operators;

/// <summary>Graph inputs and constants (Placeholder, Const), pass-through ops (Identity and its inference-time
/// equivalents) and NoOp.</summary>
internal static class SourceConverters
{
    public static void Register(Dictionary<string, TensorFlowOpConverter> table)
    {
        table["Placeholder"] = Placeholder;
        table["Const"] = Const;
        table["NoOp"] = node => node.ExpectInputs(0) ? ImmutableArray<ValueRef>.Empty : null;
        // TensorFlow: these only matter for training or debugging; at inference they pass their input through.
        foreach (string op in new[] { "Identity", "StopGradient", "Snapshot", "PreventGradient", "CheckNumerics" })
        {
            table[op] = Identity;
        }
    }

    /// <summary>Placeholder: a graph input of <c>dtype</c> and <c>shape</c>; unknown sizes become symbolic
    /// dimensions named <c>{node}_{axis}</c>, a missing shape an unknown rank.</summary>
    private static ImmutableArray<ValueRef>? Placeholder(TensorFlowNodeContext node)
    {
        var elementType = node.DataType("dtype");
        var declared = node.Shape("shape");
        if (!node.ExpectInputs(0) || elementType is null || declared is null)
        {
            return null;
        }
        if (TensorFlowTypeConverter.ToShape(declared, node.Node.Name, out string? error) is not { } shape)
        {
            node.Report(TensorFlowDiagnostics.InvalidShape, node.Description, TensorFlowTypeConverter.Describe(declared), error);
            return null;
        }
        return [node.AddGraphInput(new TensorType(elementType.Value, shape))];
    }

    /// <summary>Const: the tensor of its <c>value</c> attribute.</summary>
    private static ImmutableArray<ValueRef>? Const(TensorFlowNodeContext node)
    {
        var tensor = node.Tensor("value");
        if (!node.ExpectInputs(0) || tensor is null)
        {
            return null;
        }
        var data = TensorFlowTensorConverter.ToTensorData(tensor, node.Description, node.Import, node.Location);
        return data is null ? null : [TensorFlowNodeContext.Constant(data)];
    }

    private static ImmutableArray<ValueRef>? Identity(TensorFlowNodeContext node) =>
        node.ExpectInputs(1) ? [node.Emit("Identity", [node.Inputs[0]])] : null;
}
