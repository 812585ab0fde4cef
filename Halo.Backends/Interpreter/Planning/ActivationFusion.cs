using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators;

namespace Halo.Backends.Interpreter.Planning;

/// <summary>
/// Finds the Relu and Clip nodes that the interpreter can fold into the Conv before them: the Conv's output
/// feeds only the activation (and is no graph output), the element type is float, and Clip's bounds are
/// attributes or constant scalars. The activation then becomes the Conv kernel's epilogue and its output
/// shares the Conv's slot.
/// </summary>
internal static class ActivationFusion
{
    /// <summary>A foldable activation: its node and the clamp bounds it applies.</summary>
    public readonly record struct Candidate(GreenOp Activation, float Low, float High);

    /// <summary>The foldable activation of each Conv that has one.</summary>
    public static Dictionary<GreenOp, Candidate> Find(Graph graph)
    {
        var found = new Dictionary<GreenOp, Candidate>();
        foreach (var node in graph.TopologicalOrder)
        {
            if (node is not GreenOp { Operator.Domain: OperatorId.DefaultDomain } act || act.Inputs.Length == 0
                || act.Inputs[0].Producer is not GreenOp { Operator: { Name: "Conv", Domain: OperatorId.DefaultDomain } } conv
                || act.OutputTypes[0] is not TensorType { ElementType: ElementType.Float }
                || graph.UsesOf(conv).Length != 1 || graph.IsOutput(conv.Output(0)) || !act.ImplicitInputs.IsEmpty)
            {
                continue;
            }
            if (Bounds(act) is { } bounds)
            {
                found[conv] = new Candidate(act, bounds.Low, bounds.High);
            }
        }
        return found;
    }

    private static (float Low, float High)? Bounds(GreenOp act)
    {
        if (act.Operator.Name == "Relu")
        {
            return (0f, float.PositiveInfinity);
        }
        if (act.Operator.Name != "Clip")
        {
            return null;
        }
        if (act.Operator.SinceVersion < 11)
        {
            return (act.Attributes.GetFloat("min", float.MinValue), act.Attributes.GetFloat("max", float.MaxValue));
        }
        // ONNX: from version 11 the bounds are optional scalar operands; absent means the type's range.
        return ScalarOperand(act, 1, float.MinValue) is { } low && ScalarOperand(act, 2, float.MaxValue) is { } high
            ? (low, high) : null;
    }

    private static float? ScalarOperand(GreenOp op, int index, float absent)
    {
        if (index >= op.Inputs.Length || op.Inputs[index].IsNone)
        {
            return absent;
        }
        var data = op.Inputs[index].Producer switch
        {
            GreenConstant constant => constant.Data,
            // Exporters often emit Clip bounds as Constant nodes rather than initializers.
            GreenOp { Operator: { Name: "Constant", Domain: OperatorId.DefaultDomain } constant } node
                when node.Attributes.TryGetValue("value", out var value) && value.Kind == AttributeKind.Tensor => value.AsTensor(),
            _ => null,
        };
        return data is { ElementType: ElementType.Float, ElementCount: 1 } ? data.AsSpan<float>()[0] : null;
    }
}
