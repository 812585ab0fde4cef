namespace Halo.Backends.Odla.Lowering;

/// <summary>NegativeLogLikelihoodLoss (<c>odla_NegativeLogLikeliHoodLoss</c>) and SoftmaxCrossEntropyLoss (its
/// LogSoftmax over the class axis, then the same loss).</summary>
internal static class LossLowerings
{
    /// <summary>ODLA's "no ignored label": INT32_MIN, which no class index in [0, C) equals.</summary>
    private const string NoIgnoredLabel = "(-2147483647 - 1)";

    public static void Register(LoweringTableBuilder table) => table
        .Add("NegativeLogLikelihoodLoss", c => Loss(c, c.Value(0)), minVersion: 12)
        .Add("SoftmaxCrossEntropyLoss", SoftmaxCrossEntropyLoss, minVersion: 12);

    /// <summary>ONNX: log_prob = LogSoftmax(scores, axis 1); the loss is NegativeLogLikelihoodLoss(log_prob, labels, weights).</summary>
    private static bool SoftmaxCrossEntropyLoss(LoweringContext c)
    {
        if (c.InputRank(0) < 2)
        {
            return c.Unsupported("scores need a batch and a class axis");
        }
        string logProbabilities = c.Call("odla_LogSoftmax", $"{c.Value(0)}, 1", output: 1);
        return Loss(c, logProbabilities);
    }

    private static bool Loss(LoweringContext c, string logProbabilities)
    {
        string? reduction = c.String("reduction", "mean") switch
        {
            "none" => "ODLA_REDUCE_NONE",
            "sum" => "ODLA_REDUCE_SUM",
            "mean" => "ODLA_REDUCE_MEAN",
            _ => null,
        };
        if (reduction is null)
        {
            return c.Unsupported($"reduction '{c.String("reduction", "mean")}' is not none, sum or mean");
        }
        // ONNX: without ignore_index no label is ignored; an index outside int32 equals no valid class either.
        long ignoreIndex = c.Int("ignore_index", long.MinValue);
        string ignored = ignoreIndex is >= int.MinValue + 1L and <= int.MaxValue ? LoweringContext.I(ignoreIndex) : NoIgnoredLabel;
        return c.DefineCall(0, "odla_NegativeLogLikeliHoodLoss",
            $"{logProbabilities}, {c.Value(1)}, {ignored}, {reduction}, {c.Value(2)}, {c.OutputShapeExpression()}");
    }
}
