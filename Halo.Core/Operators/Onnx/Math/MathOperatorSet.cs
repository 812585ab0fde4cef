namespace Halo.Core.Operators.Onnx.Math;

/// <summary>Elementwise arithmetic, logic, activations, reductions, matrix products, quantization and random operators.</summary>
internal static class MathOperatorSet
{
    public static void Register(OperatorSetBuilder s)
    {
        ArgumentNullException.ThrowIfNull(s);
        UnaryOperators.Register(s);
        BinaryOperators.Register(s);
        ComparisonOperators.Register(s);
        VariadicOperators.Register(s);
        ActivationOperators.Register(s);
        CastOperators.Register(s);
        ReductionOperators.Register(s);
        SoftmaxOperators.Register(s);
        SortOperators.Register(s);
        MatrixOperators.Register(s);
        QuantizationOperators.Register(s);
        RandomOperators.Register(s);
    }
}
