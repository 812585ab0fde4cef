namespace Halo.Core.Operators.Onnx.Tensor;

/// <summary>Type-string sets used by the tensor operators beyond those in <see cref="TypeSets"/>.</summary>
internal static class TensorTypeSets
{
    /// <summary>Sequences of any tensor, float8 and 4-bit included.</summary>
    public static readonly string[] SequencesIr10 = [.. TypeSets.AllIr10.Select(t => "seq(" + t + ")")];

    /// <summary>Tensors and sequences of tensors (If and Loop values up to opset 15).</summary>
    public static readonly string[] TensorsAndSequences = [.. TypeSets.All, .. TypeSets.Sequences];

    /// <summary>Tensors, sequences and optionals of any type (If, Loop and Scan values from opset 16).</summary>
    public static readonly string[] AnyValue = [.. TypeSets.AllIr10, .. SequencesIr10,
        .. TypeSets.AllIr10.Concat(SequencesIr10).Select(t => "optional(" + t + ")")];

    /// <summary>Optional tensors and sequences, float8 and 4-bit included.</summary>
    public static readonly string[] OptionalsIr10 = [.. TypeSets.AllIr10.Concat(SequencesIr10).Select(t => "optional(" + t + ")")];

    /// <summary>Numeric tensors with bool (Range-like and index-free data movement).</summary>
    public static readonly string[] NumericAndBool = [.. TypeSets.Numeric, .. TypeSets.Bool];
}
