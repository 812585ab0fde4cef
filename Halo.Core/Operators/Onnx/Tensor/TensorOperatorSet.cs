namespace Halo.Core.Operators.Onnx.Tensor;

/// <summary>Shape manipulation, indexing, sequence, optional, control-flow and string operators.</summary>
internal static class TensorOperatorSet
{
    public static void Register(OperatorSetBuilder s)
    {
        ArgumentNullException.ThrowIfNull(s);
        ConstantOperators.Register(s);
        ReshapeOperators.Register(s);
        SqueezeOperators.Register(s);
        ConcatSplitOperators.Register(s);
        SliceOperators.Register(s);
        PadOperators.Register(s);
        GatherOperators.Register(s);
        ScatterOperators.Register(s);
        IndexOperators.Register(s);
        ExpandOperators.Register(s);
        LayoutOperators.Register(s);
        ResizeOperators.Register(s);
        SequenceOperators.Register(s);
        OptionalOperators.Register(s);
        ControlFlowOperators.Register(s);
        ScanOperators.Register(s);
        StringOperators.Register(s);
    }
}
