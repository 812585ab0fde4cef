using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Passes.Fusion;
using NUnit.Framework;

namespace Halo.Tests.Passes.Fusion;

[TestFixture]
public sealed class FuseBiasTests
{
    private static readonly BiasFusionOptions s_both = new() { ConvBias = true, MatMulBias = true };

    private static float[] Values(int count, float scale) => [.. Enumerable.Range(0, count).Select(i => (i % 7 - 3) * scale)];

    /// <summary>y = Add(Conv(x, w), bias) with x [1,3,5,5], w [4,3,3,3]; optionally the Conv result is also an output.</summary>
    private static Graph ConvPlusBias(TensorData? bias, bool secondUse = false, bool biasFromInput = false, bool biasFirst = false)
    {
        var b = new GraphBuilder(opsets: PassTestSupport.Opset17);
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 1, 3, 5, 5));
        var w = b.AddConstant("w", TensorData.FromFloats(Values(4 * 3 * 3 * 3, 0.1f), 4, 3, 3, 3));
        var conv = b.Named(b.AddOp("Conv", x, w), "conv");
        var c = biasFromInput ? b.AddInput("bias", TensorType.Of(ElementType.Float, 1, 4, 1, 1)) : b.AddConstant("bias", bias!);
        b.AddOutput(biasFirst ? b.AddOp("Add", c, conv) : b.AddOp("Add", conv, c), "y");
        if (secondUse)
        {
            b.AddOutput(b.AddOp("Relu", conv), "r");
        }
        return b.Build();
    }

    /// <summary>y = Add(MatMul(a, m), bias) with a [2,3] (or [2,2,3]) and m [3,4].</summary>
    private static Graph MatMulPlusBias(TensorData bias, bool batched = false)
    {
        var b = new GraphBuilder(opsets: PassTestSupport.Opset17);
        var a = b.AddInput("a", batched ? TensorType.Of(ElementType.Float, 2, 2, 3) : TensorType.Of(ElementType.Float, 2, 3));
        var m = b.AddConstant("m", TensorData.FromFloats(Values(12, 0.25f), 3, 4));
        b.AddOutput(b.AddOp("Add", b.AddOp("MatMul", a, m), b.AddConstant("bias", bias)), "y");
        return b.Build();
    }

    public static IEnumerable<TestCaseData> ChannelBiases()
    {
        yield return new TestCaseData(TensorData.FromFloats(Values(4, 0.5f), 1, 4, 1, 1), false).SetName("Fuse_ConvPlus1C11Constant_ProducesConvWithBias");
        yield return new TestCaseData(TensorData.FromFloats(Values(4, 0.5f), 4, 1, 1), false).SetName("Fuse_ConvPlusC11Constant_ProducesConvWithBias");
        yield return new TestCaseData(TensorData.FromFloats([0.75f]), true).SetName("Fuse_ConstantPlusConvScalar_ProducesConvWithBias");
    }

    [TestCaseSource(nameof(ChannelBiases))]
    public void Fuse_ConvBias(TensorData bias, bool biasFirst)
    {
        var before = ConvPlusBias(bias, biasFirst: biasFirst);

        var after = PassTestSupport.Run(new FuseBias(s_both), before);

        var conv = after.TopologicalOrder.OfType<GreenOp>().Single();
        Assert.That(conv.Operator.Name, Is.EqualTo("Conv"));
        Assert.That(conv.Inputs[2].Type.ToString(), Is.EqualTo("f32[4]"));
        Assert.That(after.NameOf(after.Outputs[0]), Is.EqualTo("y"));
        PassTestSupport.AssertVerifies(after);
        PassTestSupport.AssertSameOutputs(before, after);
    }

    [Test]
    public void Fuse_ConvWithSecondUser_ReturnsSameGraph()
    {
        var before = ConvPlusBias(TensorData.FromFloats(Values(4, 0.5f), 1, 4, 1, 1), secondUse: true);

        Assert.That(PassTestSupport.Run(new FuseBias(s_both), before), Is.SameAs(before));
    }

    [Test]
    public void Fuse_ConvPlusNonConstant_ReturnsSameGraph()
    {
        var before = ConvPlusBias(null, biasFromInput: true);

        Assert.That(PassTestSupport.Run(new FuseBias(s_both), before), Is.SameAs(before));
    }

    [Test]
    public void Fuse_ConvPlusLastAxisVector_ReturnsSameGraph()
    {
        // ONNX broadcasting aligns a [C] constant with the last (width) axis: it is not a channel bias.
        var before = ConvPlusBias(TensorData.FromFloats(Values(3, 0.5f), 3));

        Assert.That(PassTestSupport.Run(new FuseBias(s_both), before), Is.SameAs(before));
    }

    [Test]
    public void Fuse_ConvBiasDisabled_ReturnsSameGraph()
    {
        var before = ConvPlusBias(TensorData.FromFloats(Values(4, 0.5f), 1, 4, 1, 1));

        Assert.That(PassTestSupport.Run(new FuseBias(new BiasFusionOptions { MatMulBias = true }), before), Is.SameAs(before));
    }

    [TestCase(new long[] { 4 })]
    [TestCase(new long[] { 1, 4 })]
    public void Fuse_MatMulPlusRowBias_ProducesGemm(long[] dims)
    {
        var before = MatMulPlusBias(TensorData.FromFloats(Values(4, 0.5f), dims));

        var after = PassTestSupport.Run(new FuseBias(s_both), before);

        var gemm = after.TopologicalOrder.OfType<GreenOp>().Single();
        Assert.That(gemm.Operator.Name, Is.EqualTo("Gemm"));
        Assert.That(gemm.Inputs, Has.Length.EqualTo(3));
        PassTestSupport.AssertVerifies(after);
        PassTestSupport.AssertSameOutputs(before, after);
    }

    [Test]
    public void Fuse_MatMulPlusFullMatrix_ReturnsSameGraph()
    {
        var before = MatMulPlusBias(TensorData.FromFloats(Values(8, 0.5f), 2, 4));

        Assert.That(PassTestSupport.Run(new FuseBias(s_both), before), Is.SameAs(before));
    }

    [Test]
    public void Fuse_BatchedMatMul_ReturnsSameGraph()
    {
        var before = MatMulPlusBias(TensorData.FromFloats(Values(4, 0.5f), 4), batched: true);

        Assert.That(PassTestSupport.Run(new FuseBias(s_both), before), Is.SameAs(before));
    }

    [TestCaseSource(typeof(PassTestSupport), nameof(PassTestSupport.TorchvisionModels))]
    public void Fuse_TorchvisionModel_ReturnsSameGraph(string name)
    {
        // The exporter already gave every Conv a bias (BatchNorm folded) and the classifiers are Gemm.
        var model = PassTestSupport.LoadTorchvision(name);

        Assert.That(PassTestSupport.Run(new FuseBias(s_both), model.Graph), Is.SameAs(model.Graph));
    }
}
