namespace Halo.Backends.Odla.Lowering;

/// <summary>DFT and STFT, lowered to the Halo extension (<c>odla_HaloDFT</c>, <c>odla_HaloSTFT</c>); their lengths,
/// steps and axes must be constants.</summary>
internal static class SignalLowerings
{
    public static void Register(LoweringTableBuilder table) => table
        .Add("DFT", Dft, minVersion: 17)
        .Add("STFT", Stft, minVersion: 17);

    private static bool Dft(LoweringContext c)
    {
        long? length = c.HasInput(1) ? c.ConstantInts(1) is [long given] ? given : null : 0;
        // ONNX: opset 17 takes the axis as an attribute (default 1), opset 20 as an optional input (default -2).
        long? axis = c.Version < 20 ? c.Int("axis", 1) : c.HasInput(2) ? c.ConstantInts(2) is [long a] ? a : null : -2;
        if (length is null or < 0 || axis is null)
        {
            return c.Unsupported("dft_length and axis must be constants; fold them with the standard passes");
        }
        long normalized = LoweringContext.NormalizeAxis(axis.Value, c.InputRank(0));
        return c.Define(0, $"{c.Module.HaloExtension("odla_HaloDFT")}({c.Value(0)}, {LoweringContext.I(normalized)}, " +
            $"{LoweringContext.I(length.Value)}, {LoweringContext.B(c.Int("inverse", 0) != 0)}, {LoweringContext.B(c.Int("onesided", 0) != 0)}, " +
            $"{c.OutputShapeExpression()}, {c.OutputId()})");
    }

    private static bool Stft(LoweringContext c)
    {
        long? step = c.ConstantInts(1) is [long s] ? s : null;
        long? length = c.HasInput(3) ? c.ConstantInts(3) is [long l] ? l : null
            : c.HasInput(2) ? c.InputShape(2) is [long w] ? w : null : null;
        if (step is null or <= 0 || length is null or <= 0)
        {
            return c.Unsupported("frame_step and frame_length (or the window's length) must be constants");
        }
        return c.Define(0, $"{c.Module.HaloExtension("odla_HaloSTFT")}({c.Value(0)}, {c.Value(2)}, {LoweringContext.I(step.Value)}, " +
            $"{LoweringContext.I(length.Value)}, {LoweringContext.B(c.Int("onesided", 1) != 0)}, {c.OutputShapeExpression()}, {c.OutputId()})");
    }
}
