using Halo.Core.IR.Types;

namespace Halo.Backends.Odla.Lowering;

/// <summary>BatchNormalization (inference; also channel-last for <c>ai.halo</c>, see <see cref="LayoutLowerings"/>),
/// InstanceNormalization, GroupNormalization, LRN and LpNormalization.</summary>
internal static class NormalizationLowerings
{
    public static void Register(LoweringTableBuilder table) => table
        .Add("BatchNormalization", c => BatchNormalization(c, ChannelLayout.First))
        .Add("InstanceNormalization", c => c.Define(0, $"odla_InstanceNormalization({c.Value(0)}, ODLA_CHANNELS_FIRST, " +
            $"{LoweringContext.F(c.Float("epsilon", 1e-5f))}, {c.Value(1)}, {c.Value(2)}, 1.0f, 0.0f, {c.OutputId()})"))
        .Add("GroupNormalization", c => c.Define(0, $"odla_GroupNormalization({c.Value(0)}, ODLA_CHANNELS_FIRST, " +
            $"{LoweringContext.I(c.Int("num_groups", 1))}, {LoweringContext.F(c.Float("epsilon", 1e-5f))}, {c.Value(1)}, {c.Value(2)}, " +
            $"1.0f, 0.0f, {c.OutputId()})"), minVersion: 21)
        .Add("LRN", c => c.Define(0, $"odla_LRN({c.Value(0)}, ODLA_CHANNELS_FIRST, {LoweringContext.I(c.Int("size", 1))}, " +
            $"{LoweringContext.F(c.Float("alpha", 1e-4f))}, {LoweringContext.F(c.Float("beta", 0.75f))}, " +
            $"{LoweringContext.F(c.Float("bias", 1f))}, {c.OutputId()})"))
        .Add("LpNormalization", c => c.Define(0, $"odla_LpNormalize({c.Value(0)}, {LoweringContext.I(c.Int("p", 2))}, " +
            $"ODLA_CHANNELS_FIRST, 1, {c.Module.Int32Array([LoweringContext.NormalizeAxis(c.Int("axis", -1), c.InputRank(0))])}, " +
            $"0.0f, NULL, {c.OutputId()})"));

    /// <summary>Inference-mode BatchNormalization with the data in <paramref name="layout"/> (per-channel operands [C]).</summary>
    public static bool BatchNormalization(LoweringContext c, ChannelLayout layout)
    {
        if (c.Int("training_mode", 0) != 0 || Enumerable.Range(1, c.OutputCount - 1).Any(c.IsOutputUsed))
        {
            return layout == ChannelLayout.First && c.OutputCount == 3 && c.InputIs(0, ElementType.Float)
                ? TrainingBatchNormalization(c)
                : c.Unsupported("training mode (running statistics outputs) has no ODLA counterpart");
        }
        return c.Define(0, $"odla_BatchNormalization({c.Value(0)}, {layout.Odla}, {c.Value(3)}, {c.Value(4)}, " +
            $"{LoweringContext.F(c.Float("epsilon", 1e-5f))}, {c.Value(1)}, {c.Value(2)}, 1.0f, 0.0f, {c.OutputId()})");
    }

    /// <summary>
    /// Training-mode BatchNormalization (opset 14+, float, channels first) composed from ODLA calls as ONNX defines it:
    /// the batch statistics (mean and population variance over every axis but the channels) normalize the data, and
    /// the running statistics are input · momentum + batch statistic · (1 − momentum).
    /// </summary>
    private static bool TrainingBatchNormalization(LoweringContext c)
    {
        var m = c.Module;
        long[] shape = c.InputShape(0);
        long channels = shape[1];
        long[] axes = [0, .. Enumerable.Range(2, shape.Length - 2).Select(i => (long)i)];
        long[] kept = [.. shape.Select((d, i) => i == 1 ? d : 1)];
        string Reduce(string value)
        {
            string v = m.NewVariable();
            m.Define(v, $"odla_ReduceMean({value}, {LoweringContext.I(axes.Length)}, {m.UInt32Array(axes)}, true, {m.Shape(kept)}, {m.Id(null)})");
            return v;
        }
        string Call(string expression)
        {
            string v = m.NewVariable();
            m.Define(v, expression);
            return v;
        }
        string meanKept = Reduce(c.Value(0));
        string centered = Call($"odla_Sub({c.Value(0)}, {meanKept}, {m.Id(null)})");
        string varKept = Reduce(Call($"odla_Mul({centered}, {centered}, {m.Id(null)})"));
        string mean = Call($"odla_Reshape({meanKept}, {m.Shape([channels])}, {m.Id(null)})");
        string variance = Call($"odla_Reshape({varKept}, {m.Shape([channels])}, {m.Id(null)})");
        c.Define(0, $"odla_BatchNormalization({c.Value(0)}, ODLA_CHANNELS_FIRST, {mean}, {variance}, " +
            $"{LoweringContext.F(c.Float("epsilon", 1e-5f))}, {c.Value(1)}, {c.Value(2)}, 1.0f, 0.0f, {c.OutputId()})");
        float momentum = c.Float("momentum", 0.9f);
        string keep = Scalar(c, momentum);
        string take = Scalar(c, 1 - momentum);
        foreach (var (output, input, batch) in new[] { (1, 3, mean), (2, 4, variance) })
        {
            if (c.IsOutputUsed(output))
            {
                string old = Call($"odla_Mul({c.Value(input)}, {keep}, {m.Id(null)})");
                string fresh = Call($"odla_Mul({batch}, {take}, {m.Id(null)})");
                c.Define(output, $"odla_Add({old}, {fresh}, {c.OutputId(output)})");
            }
        }
        return true;
    }

    /// <summary>A float constant of shape [1] (broadcast by the element-wise calls).</summary>
    private static string Scalar(LoweringContext c, float value)
    {
        var m = c.Module;
        string data = m.NewArrayName("k");
        m.Arrays.Add($"static const float {data}[1] = {{{LoweringContext.F(value)}}};");
        string v = m.NewVariable();
        m.Define(v, $"odla_CreateConstant({m.Type(ElementType.Float, [1])}, {data}, {m.Id(null)})");
        return v;
    }
}
