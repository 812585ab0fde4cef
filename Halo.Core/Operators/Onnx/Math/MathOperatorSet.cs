namespace Halo.Core.Operators.Onnx.Math;

/// <summary>Elementwise arithmetic, logic, activations, reductions, matrix products, quantization and random operators.</summary>
internal static class MathOperatorSet
{
    public static void Register(OperatorSetBuilder s)
    {
        ArgumentNullException.ThrowIfNull(s);
    }
}
