namespace Halo.Core.Operators.Onnx.Tensor;

/// <summary>Shape manipulation, indexing, sequence, optional, control-flow and string operators.</summary>
internal static class TensorOperatorSet
{
    public static void Register(OperatorSetBuilder s)
    {
        ArgumentNullException.ThrowIfNull(s);
    }
}
