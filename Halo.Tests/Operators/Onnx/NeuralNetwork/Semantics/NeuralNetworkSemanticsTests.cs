using Halo.Core.IR.Types;
using Halo.Core.Semantics;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.NeuralNetwork.Semantics.NnEval;

namespace Halo.Tests.Operators.Onnx.NeuralNetwork.Semantics;

[TestFixture]
public sealed class NeuralNetworkSemanticsTests
{
    [Test]
    public void Conv_DoubleGroupedDilated_MatchesHandSums()
    {
        // Two groups of one channel each, 1-D, kernel 2 with dilation 2.
        var x = Typed(ElementType.Double, [1, 2, 3, 4, 10, 20, 30, 40], 1, 2, 4);
        var w = Typed(ElementType.Double, [1, 1, 2, -1], 2, 1, 2);
        var y = Run("Conv", 11, [x, w], 1, ("group", 2L), ("dilations", new long[] { 2 }))[0];
        Assert.That(y.ElementType, Is.EqualTo(ElementType.Double));
        Assert.That(y.Dimensions, Is.EqualTo(new long[] { 1, 2, 2 }));
        Assert.That(Values(y), Is.EqualTo(new double[] { 4, 6, -10, 0 }));
    }

    [Test]
    public void ConvTranspose_Stride2_InterleavesKernelCopies()
    {
        var y = Run("ConvTranspose", 11, [Floats([1, 2], 1, 1, 2), Floats([1, 10], 1, 1, 2)], 1, ("strides", new long[] { 2 }))[0];
        Assert.That(Values(y), Is.EqualTo(new double[] { 1, 10, 2, 20 }));
    }

    [Test]
    public void MaxPool_Float16WithIndices_ReturnsMaxAndFlatIndex()
    {
        var x = Typed(ElementType.Float16, [1, 5, 3, 2], 1, 1, 4);
        var r = Run("MaxPool", 12, [x], 2, ("kernel_shape", new long[] { 2 }), ("strides", new long[] { 2 }));
        Assert.That(r[0].ElementType, Is.EqualTo(ElementType.Float16));
        Assert.That(Values(r[0]), Is.EqualTo(new double[] { 5, 3 }));
        Assert.That(Values(r[1]), Is.EqualTo(new double[] { 1, 2 }));
    }

    [Test]
    public void AveragePool_CountIncludePad_DividesByPaddedWindow()
    {
        var x = Floats([2, 4], 1, 1, 2);
        var excl = Run("AveragePool", 19, [x], 1, ("kernel_shape", new long[] { 2 }), ("pads", new long[] { 1, 0 }))[0];
        var incl = Run("AveragePool", 19, [x], 1, ("kernel_shape", new long[] { 2 }), ("pads", new long[] { 1, 0 }),
            ("count_include_pad", 1L))[0];
        Assert.That(Values(excl), Is.EqualTo(new double[] { 2, 3 }));
        Assert.That(Values(incl), Is.EqualTo(new double[] { 1, 3 }));
    }

    [Test]
    public void BatchNormalization_Version7Double_UsesGivenStatistics()
    {
        var one = Typed(ElementType.Double, [2], 1);
        var y = Run("BatchNormalization", 7, [Typed(ElementType.Double, [3, 5], 1, 1, 2), one,
            Typed(ElementType.Double, [1], 1), Typed(ElementType.Double, [1], 1), Typed(ElementType.Double, [4], 1)],
            1, ("epsilon", 0f))[0];
        Assert.That(Values(y), Is.EqualTo(new double[] { 3, 5 }).Within(1e-12));
    }

    [Test]
    public void LayerNormalization_MeanAndInvStdDev_AreProduced()
    {
        var r = Run("LayerNormalization", 17, [Floats([1, 3, 2, 4], 2, 2), Floats([1, 1], 2)], 3, ("epsilon", 0f));
        Assert.That(Values(r[0]), Is.EqualTo(new double[] { -1, 1, -1, 1 }).Within(1e-6));
        Assert.That(Values(r[1]), Is.EqualTo(new double[] { 2, 3 }));
        Assert.That(r[2].Dimensions, Is.EqualTo(new long[] { 2, 1 }));
    }

    [Test]
    public void Rnn_ReluHiddenOne_AccumulatesState()
    {
        var r = Run("RNN", 14, [Floats([1, 2], 2, 1, 1), Floats([1], 1, 1, 1), Floats([1], 1, 1, 1)], 2,
            ("hidden_size", 1L), ("activations", new[] { "Relu" }));
        Assert.That(Values(r[0]), Is.EqualTo(new double[] { 1, 3 }));
        Assert.That(Values(r[1]), Is.EqualTo(new double[] { 3 }));
    }

    [Test]
    public void Rnn_ReverseWithSequenceLens_StopsAtLength()
    {
        var lens = Halo.Core.IR.TensorData.Create<int>(ElementType.Int32, [1], 1);
        var r = Run("RNN", 14, [Floats([1, 2], 2, 1, 1), Floats([1], 1, 1, 1), Floats([1], 1, 1, 1), null, lens], 2,
            ("hidden_size", 1L), ("activations", new[] { "Relu" }), ("direction", "reverse"));
        Assert.That(Values(r[0]), Is.EqualTo(new double[] { 1, 0 }));
        Assert.That(Values(r[1]), Is.EqualTo(new double[] { 1 }));
    }

    [Test]
    public void NegativeLogLikelihoodLoss_IgnoreIndex_AveragesOverKept()
    {
        var target = Halo.Core.IR.TensorData.FromInt64s([0, 1], 2);
        var y = Run("NegativeLogLikelihoodLoss", 13, [Floats([-1, -2, -3, -4], 2, 2), target], 1, ("ignore_index", 1L))[0];
        Assert.That(Values(y), Is.EqualTo(new double[] { 1 }));
    }

    [Test]
    public void Attention_GroupedHeads_ShareKeyValueHead()
    {
        var q = Floats([1, 0, 0, 1], 1, 2, 1, 2);
        var k = Floats([1, 0, 0, 1], 1, 1, 2, 2);
        var v = Floats([10, 20], 1, 1, 2, 1);
        var y = Values(Run("Attention", 23, [q, k, v], 1, ("scale", 1000f))[0]);
        Assert.That(y, Is.EqualTo(new double[] { 10, 20 }).Within(1e-3));
    }

    [Test]
    public void HannWindow_Symmetric_EndsAtZero()
    {
        var y = Values(Run("HannWindow", 17, [Halo.Core.IR.TensorData.FromInt64s([3])], 1, ("periodic", 0L))[0]);
        Assert.That(y, Is.EqualTo(new double[] { 0, 1, 0 }).Within(1e-6));
    }

    [Test]
    public void Dft_InverseOfForward_RestoresComplexSignal()
    {
        var x = Floats([1, 0, 2, 1, -1, 3], 1, 3, 2);
        var forward = Run("DFT", 20, [x], 1)[0];
        var back = Values(Run("DFT", 20, [forward], 1, ("inverse", 1L))[0]);
        Assert.That(back, Is.EqualTo(new double[] { 1, 0, 2, 1, -1, 3 }).Within(1e-5));
    }

    [Test]
    public void GridSample_NearestBorder_ClampsOutsideGrid()
    {
        var x = Floats([1, 2, 3, 4], 1, 1, 2, 2);
        var grid = Floats([-5, -5, 5, 5], 1, 1, 2, 2);
        var y = Values(Run("GridSample", 22, [x, grid], 1, ("mode", "nearest"), ("padding_mode", "border"))[0]);
        Assert.That(y, Is.EqualTo(new double[] { 1, 4 }));
    }

    [Test]
    public void GroupNormalization_Version21_ScalesPerChannel()
    {
        var x = Floats([1, 3, 5, 9], 1, 2, 2);
        var y = Values(Run("GroupNormalization", 21, [x, Floats([1, 2], 2), Floats([0, 10], 2)], 1,
            ("num_groups", 2L), ("epsilon", 0f))[0]);
        Assert.That(y, Is.EqualTo(new double[] { -1, 1, 8, 12 }).Within(1e-6));
    }

    [Test]
    public void Conv_ChannelMismatch_FailsWithEvaluationException()
    {
        var x = Floats([1, 2], 1, 2, 1);
        var w = Floats([1, 2, 3], 1, 3, 1);
        Assert.That(() => ReferenceEvaluator.Default.Evaluate(BuildUnchecked(x, w), [new TensorValue(x), new TensorValue(w)]),
            Throws.InstanceOf<EvaluationException>());
    }

    private static Halo.Core.IR.Graph BuildUnchecked(Halo.Core.IR.TensorData x, Halo.Core.IR.TensorData w)
    {
        var builder = new Halo.Core.IR.GraphBuilder(opsets: new Dictionary<string, long> { [""] = 11 });
        var a = builder.AddInput("x", TensorType.Of(ElementType.Float, [.. x.Dimensions]));
        var b = builder.AddInput("w", new TensorType(ElementType.Float, Shape.Unranked));
        builder.AddOutput(builder.AddOp("Conv", a, b));
        return builder.Build();
    }
}
