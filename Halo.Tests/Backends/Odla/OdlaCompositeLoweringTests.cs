using Halo.Backends.Odla;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Backends.Odla.OdlaTestGraphs;

namespace Halo.Tests.Backends.Odla;

/// <summary>The lowerings composed of several ODLA calls (normalizations, losses, LpPool, activations) and CastLike,
/// Dropout's mask: the calls they emit and the forms they reject.</summary>
[TestFixture]
public sealed class OdlaCompositeLoweringTests
{
    [Test]
    public void CastLike_FloatLikeDouble_CastsToTheSecondOperandsType()
    {
        var graph = SingleOp("CastLike", null, 1, 19, F32(2, 3), TensorType.Of(ElementType.Double, 1));
        Assert.That(Call(Generate(graph).SourceText, "odla_Cast"), Does.Contain("odla_Cast(v0, ODLA_FLOAT64, (odla_value_id)\"y0\")"));
    }

    [Test]
    public void CastLike_SameType_EmitsNoCall()
    {
        var graph = SingleOp("CastLike", null, 1, 19, F32(2, 3), F32(1));
        Assert.That(Generate(graph).SourceText, Does.Not.Contain("odla_Cast("));
    }

    [Test]
    public void NegativeLogLikelihoodLoss_NoIgnoreIndex_PassesInt32MinAndMean()
    {
        var graph = SingleOp("NegativeLogLikelihoodLoss", null, 1, 13, F32(2, 3), TensorType.Of(ElementType.Int64, 2));
        Assert.That(Call(Generate(graph).SourceText, "odla_NegativeLogLikeliHoodLoss"),
            Does.Contain("odla_NegativeLogLikeliHoodLoss(v0, v1, (-2147483647 - 1), ODLA_REDUCE_MEAN, NULL, m_shape(0, NULL)"));
    }

    [Test]
    public void NegativeLogLikelihoodLoss_IgnoreIndexWeightNone_PassesThem()
    {
        var graph = SingleOp("NegativeLogLikelihoodLoss", Attrs(("ignore_index", -1L), ("reduction", "none")), 1, 13,
            F32(2, 3, 4), TensorType.Of(ElementType.Int32, 2, 4), F32(3));
        Assert.That(Call(Generate(graph).SourceText, "odla_NegativeLogLikeliHoodLoss"),
            Does.Contain("(v0, v1, -1, ODLA_REDUCE_NONE, v2, m_shape(2, {2, 4})"));
    }

    [Test]
    public void SoftmaxCrossEntropyLoss_LogProbUsed_IsTheLogSoftmaxOverClasses()
    {
        var graph = SingleOp("SoftmaxCrossEntropyLoss", Attrs(("reduction", "sum")), 2, 13, F32(2, 3), TensorType.Of(ElementType.Int64, 2));
        string source = Generate(graph).SourceText;
        Assert.That(Call(source, "odla_LogSoftmax"), Does.Contain("odla_value v2 = odla_LogSoftmax(v0, 1, (odla_value_id)\"y1\")"));
        Assert.That(Call(source, "odla_NegativeLogLikeliHoodLoss"), Does.Contain("(v2, v1, (-2147483647 - 1), ODLA_REDUCE_SUM, NULL"));
    }

    [Test]
    public void LayerNormalization_AllOutputs_ReducesTrailingAxesAndBindsStatistics()
    {
        var graph = SingleOp("LayerNormalization", Attrs(("axis", -2L)), 3, 17, F32(2, 3, 4), F32(3, 4), F32(3, 4));
        string source = Generate(graph).SourceText;
        Assert.That(Call(source, "odla_ReduceMean"), Does.Contain("odla_ReduceMean(v0, 2, {1, 2}, 1, m_shape(3, {2, 1, 1}), (odla_value_id)\"y1\")"));
        Assert.That(Call(source, "odla_Rsqrt"), Does.Contain("(odla_value_id)\"y2\")"));
        Assert.That(Call(source, "odla_CreateConstant"), Does.Contain("m_type(ODLA_FLOAT32, m_shape(0, NULL)), m_w0"));
    }

    [Test]
    public void LayerNormalization_Float16_ComputesInFloat32AndCastsBack()
    {
        var f16 = (long[] dims) => TensorType.Of(ElementType.Float16, dims);
        var graph = SingleOp("LayerNormalization", null, 1, 17, f16([2, 4]), f16([4]));
        string source = Generate(graph).SourceText;
        Assert.That(Call(source, "odla_Cast"), Does.Contain("odla_Cast(v0, ODLA_FLOAT32"));
        Assert.That(source, Does.Contain("ODLA_FLOAT16, (odla_value_id)\"y0\")"));
    }

    [Test]
    public void RmsNormalization_EmitsMeanOfSquaresAndRsqrt()
    {
        var graph = SingleOp("RMSNormalization", null, 1, 23, F32(2, 4), F32(4));
        string source = Generate(graph).SourceText;
        Assert.That(Call(source, "odla_ReduceMean"), Does.Contain("1, {1}, 1, m_shape(2, {2, 1})"));
        Assert.That(source, Does.Contain("odla_Rsqrt(").And.Not.Contain("odla_Sub("));
    }

    [Test]
    public void LpPool_Dilations_SumsWithDepthwiseConvOfOnes()
    {
        var graph = SingleOp("LpPool", Attrs(("kernel_shape", new long[] { 2, 2 }), ("dilations", new long[] { 2, 2 })), 1, 18, F32(1, 3, 5, 5));
        string source = Generate(graph).SourceText;
        Assert.That(Call(source, "odla_Conv"), Does.Contain("ODLA_CHANNELS_FIRST, 3, v2, ODLA_OIS, {1, 1}, {2, 2}, {0, 0}, {0, 0}, NULL, m_shape(4, {1, 3, 3, 3})"));
        Assert.That(Call(source, "odla_Sqrt"), Does.Contain("(odla_value_id)\"y0\")"));
    }

    [Test]
    public void LpPool_NoDilations_SumsWithAveragePoolIncludingPadding()
    {
        var graph = SingleOp("LpPool", Attrs(("p", 3L), ("kernel_shape", new long[] { 3 })), 1, 18, F32(1, 2, 6));
        string source = Generate(graph).SourceText;
        Assert.That(Call(source, "odla_AveragePool"), Does.Contain("{3}, {1}, {0}, {0}, 1, m_shape(3, {1, 2, 4})"));
        Assert.That(source, Does.Contain("odla_Pow(").And.Not.Contain("odla_Conv("));
    }

    [Test]
    public void Dropout_MaskUsed_IsAnAllTrueConstant()
    {
        var artifacts = Generate(SingleOp("Dropout", null, 2, 13, F32(2, 3)));
        Assert.That(Call(artifacts.SourceText, "odla_CreateConstant"), Does.Contain("m_type(ODLA_BOOL, m_shape(2, {2, 3})), m_w0, (odla_value_id)\"y1\")"));
    }

    [Test]
    public void Dropout_TrainingWithRatio_ReportsHALO4104()
    {
        var graph = SingleOp("Dropout", null, 1, 13, F32(2, 3), TensorData.FromFloats([0.5f]),
            TensorData.Create(ElementType.Bool, new byte[] { 1 }));
        var d = new OdlaCodeGenerator().Generate(graph).Diagnostics.Single(d => d.IsError);
        Assert.That(d.Id, Is.EqualTo("HALO4104"));
        Assert.That(d.Message, Does.Contain("training_mode"));
    }

    [Test]
    public void HardSwishAndMish_ComposeActivations()
    {
        Assert.That(Call(Generate(SingleOp("HardSwish", null, 1, 14, F32(4))).SourceText, "odla_HardSigmoid"),
            Does.Contain("odla_HardSigmoid(v0, 0.16666667f, 0.5f"));
        Assert.That(Generate(SingleOp("Mish", null, 1, 18, F32(4))).SourceText, Does.Contain("odla_Softplus(v0").And.Contain("odla_Tanh("));
    }

    [Test]
    public void ReduceSum_AxesInputOfSizeZero_ReducesAllAxes()
    {
        // The expanded ReduceL2/ReduceLogSumExp functions pass their omitted axes as an empty graph input.
        var graph = SingleOp("ReduceSum", null, 1, 18, F32(3, 2), TensorType.Of(ElementType.Int64, 0));
        Assert.That(Call(Generate(graph).SourceText, "odla_ReduceSum"), Does.Contain("odla_ReduceSum(v0, 2, {0, 1}, 1, m_shape(2, {1, 1})"));
    }
}
