namespace Halo.Backends.Odla.Lowering;

internal static partial class NormalizationCompositeLowerings
{
    /// <summary>ONNX BatchNormalization with <c>training_mode</c> 1 (channel-first): Y normalized with the batch's
    /// mean and population variance over every axis but 1; running_mean/running_var = input * momentum + current *
    /// (1 - momentum).</summary>
    public static bool BatchNormalizationTraining(LoweringContext c)
    {
        int rank = c.InputRank(0);
        if (rank < 2)
        {
            return c.Unsupported("the input needs a batch and a channel axis");
        }
        var p = new Prepared(c, [0, .. Enumerable.Range(2, rank - 2).Select(a => (long)a)]);
        long channels = c.InputShape(0)[1];
        // Per-channel operands [C] broadcast against N x C x spatial once shaped [C, 1, ..., 1].
        long[] perChannel = [channels, .. Enumerable.Repeat(1L, rank - 2)];
        string mean = c.Call("odla_ReduceMean", p.ReduceArguments(p.X));
        string centered = c.Call("odla_Sub", $"{p.X}, {mean}");
        string variance = c.Call("odla_ReduceMean", p.ReduceArguments(c.Call("odla_Mul", $"{centered}, {centered}")));
        string epsilon = c.ScalarConstant(p.Compute, c.Float("epsilon", 1e-5f));
        string normalized = c.Call("odla_Mul", $"{centered}, {c.Call("odla_Rsqrt", c.Call("odla_Add", $"{variance}, {epsilon}"))}");
        string scaled = c.Call("odla_Mul", $"{normalized}, {c.EmitReshape(p.Operand(1), perChannel)}");
        float momentum = c.Float("momentum", 0.9f);
        DefineRunning(c, p, output: 1, mean, input: 3, momentum);
        DefineRunning(c, p, output: 2, variance, input: 4, momentum);
        return Finish(c, p, "odla_Add", $"{scaled}, {c.EmitReshape(p.Operand(2), perChannel)}", bias: -1);
    }

    private static void DefineRunning(LoweringContext c, Prepared p, int output, string current, int input, float momentum)
    {
        if (!c.IsOutputUsed(output))
        {
            return;
        }
        string kept = c.Call("odla_Mul", $"{p.Operand(input)}, {c.ScalarConstant(p.Compute, momentum)}");
        string added = c.Call("odla_Mul", $"{c.EmitReshape(current, c.OutputShape(output))}, {c.ScalarConstant(p.Compute, 1 - momentum)}");
        var type = c.OutputType(output).ElementType;
        _ = type == p.Compute
            ? c.DefineCall(output, "odla_Add", $"{kept}, {added}")
            : c.DefineCall(output, "odla_Cast", $"{c.Call("odla_Add", $"{kept}, {added}")}, {Emit.OdlaTypes.ToOdla(type)}");
    }
}
