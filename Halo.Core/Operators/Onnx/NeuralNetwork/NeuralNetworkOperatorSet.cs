namespace Halo.Core.Operators.Onnx.NeuralNetwork;

/// <summary>Convolution, pooling, normalization, recurrent, signal, vision, loss, ai.onnx.ml and training operators.</summary>
internal static class NeuralNetworkOperatorSet
{
    public static void Register(OperatorSetBuilder s)
    {
        ArgumentNullException.ThrowIfNull(s);
        ConvOperators.Register(s);
        PoolOperators.Register(s);
        RegionPoolOperators.Register(s);
        BatchNormalizationOperators.Register(s);
        NormalizationOperators.Register(s);
        RecurrentOperators.Register(s);
        SignalOperators.Register(s);
        VisionOperators.Register(s);
        AttentionOperators.Register(s);
        LossOperators.Register(s);
        MlOperators.Register(s);
        TreeEnsembleOperators.Register(s);
        MlLinearOperators.Register(s);
        MlTransformOperators.Register(s);
        TrainingOperators.Register(s);
    }
}
