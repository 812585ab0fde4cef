namespace Halo.Core.Operators.Onnx.NeuralNetwork;

/// <summary>Convolution, pooling, normalization, recurrent, signal, vision, loss, ai.onnx.ml and training operators.</summary>
internal static class NeuralNetworkOperatorSet
{
    public static void Register(OperatorSetBuilder s)
    {
        ArgumentNullException.ThrowIfNull(s);
    }
}
