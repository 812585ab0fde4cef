using Halo.Core.Operators.Onnx.Math;
using Halo.Core.Operators.Onnx.NeuralNetwork;
using Halo.Core.Operators.Onnx.Tensor;

namespace Halo.Core.Operators.Onnx;

/// <summary>Registers every built-in operator schema: the ONNX default domain, ai.onnx.ml and ai.onnx.preview.training.</summary>
internal static class OnnxOperatorSet
{
    public const string MlDomain = "ai.onnx.ml";
    public const string TrainingDomain = "ai.onnx.preview.training";

    public static void Register(OperatorSetBuilder s)
    {
        MathOperatorSet.Register(s);
        TensorOperatorSet.Register(s);
        NeuralNetworkOperatorSet.Register(s);
    }
}
