using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;

namespace Halo.Frontends.TensorFlow.Operators;

/// <summary>Activations: Relu, Relu6 (Clip to [0, 6]), LeakyRelu, Elu, Selu, Sigmoid, Tanh, Softplus, Softsign.</summary>
internal static class ActivationConverters
{
    public static void Register(Dictionary<string, TensorFlowOpConverter> table)
    {
        // TensorFlow's Elu (alpha 1) and Selu (its fixed constants) are ONNX's defaults.
        foreach (string op in new[] { "Relu", "Sigmoid", "Tanh", "Elu", "Selu", "Softplus", "Softsign" })
        {
            table[op] = node => node.ExpectInputs(1) ? [node.Emit(op, [node.Inputs[0]])] : null;
        }
        table["Relu6"] = Relu6;
        table["LeakyRelu"] = LeakyRelu;
    }

    private static ImmutableArray<ValueRef>? Relu6(TensorFlowNodeContext node)
    {
        if (!node.ExpectInputs(1))
        {
            return null;
        }
        var type = node.InputType(0).ElementType;
        if (Scalar(type, 0) is not { } zero || Scalar(type, 6) is not { } six)
        {
            node.Report(TensorFlowDiagnostics.UnsupportedOperand, 0, node.Description, node.InputType(0), "Relu6 takes float, double or int32 tensors");
            return null;
        }
        return [node.Emit("Clip", [node.Inputs[0], TensorFlowNodeContext.Constant(zero), TensorFlowNodeContext.Constant(six)])];
    }

    private static ImmutableArray<ValueRef>? LeakyRelu(TensorFlowNodeContext node)
    {
        float? alpha = node.Float("alpha", 0.2f);
        if (!node.ExpectInputs(1) || alpha is null)
        {
            return null;
        }
        return [node.Emit("LeakyRelu", [node.Inputs[0]], AttributeMap.Empty.SetItem("alpha", AttributeValue.FromFloat(alpha.Value)))];
    }

    /// <summary>A scalar constant of <paramref name="type"/>, or null for types without one here.</summary>
    public static TensorData? Scalar(ElementType type, double value) => type switch
    {
        ElementType.Float => TensorData.FromFloats([(float)value]),
        ElementType.Double => TensorData.Create(ElementType.Double, [value]),
        ElementType.Int32 => TensorData.Create(ElementType.Int32, [(int)value]),
        ElementType.Int64 => TensorData.FromInt64s([(long)value]),
        _ => null,
    };
}
