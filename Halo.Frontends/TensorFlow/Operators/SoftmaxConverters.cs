using Halo.Core.IR.Attributes;

namespace Halo.Frontends.TensorFlow.Operators;

/// <summary>Softmax and LogSoftmax: TensorFlow normalizes over the last axis, which is ONNX's axis -1.</summary>
internal static class SoftmaxConverters
{
    public static void Register(Dictionary<string, TensorFlowOpConverter> table)
    {
        var lastAxis = AttributeMap.Empty.SetItem("axis", AttributeValue.FromInt(-1));
        table["Softmax"] = node => node.ExpectInputs(1) ? [node.Emit("Softmax", [node.Inputs[0]], lastAxis)] : null;
        table["LogSoftmax"] = node => node.ExpectInputs(1) ? [node.Emit("LogSoftmax", [node.Inputs[0]], lastAxis)] : null;
    }
}
