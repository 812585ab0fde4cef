using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.NeuralNetwork.NnGraph;

namespace Halo.Tests.Operators.Onnx.NeuralNetwork;

/// <summary>DFT, STFT, window and mel-matrix inference.</summary>
[TestFixture]
public sealed class SignalOperatorsTests
{
    [Test]
    public void DFT17_AxisAttribute_ResizesThatAxis()
    {
        var g = new NnGraph(17);
        var y = g.Run1("DFT", [g.In(F(Sym("B"), 10, 1)), g.Scalar(16)], ("axis", 1L));
        Assert.That(y, Is.EqualTo(F(Sym("B"), 16, 2)));
    }

    [Test]
    public void DFT17_Onesided_KeepsHalfPlusOne()
    {
        var g = new NnGraph(17);
        var y = g.Run1("DFT", [g.In(F(3, 10, 1))], ("onesided", 1L));
        Assert.That(y, Is.EqualTo(F(3, 6, 2)));
    }

    [Test]
    public void DFT20_AxisInput_ResizesThatAxis()
    {
        var g = new NnGraph(20);
        var y = g.Run1("DFT", [g.In(F(1, 10, 8, 2)), NnGraph.None, g.Scalar(-2)]);
        Assert.That(y, Is.EqualTo(F(1, 10, 8, 2)));
        var z = g.Run1("DFT", [g.In(F(1, 10, 8, 1)), g.Scalar(4), g.Scalar(1)]);
        Assert.That(z, Is.EqualTo(F(1, 4, 8, 2)));
    }

    [Test]
    public void DFT20_NonConstantAxis_KnowsOnlyRank()
    {
        var g = new NnGraph(20);
        var y = g.Run1("DFT", [g.In(F(1, 10, 8, 2)), NnGraph.None, g.In(T(ElementType.Int64))]);
        Assert.That(y, Is.EqualTo(F(Unk, Unk, Unk, Unk)));
    }

    [Test]
    public void DFT_AxisOnComplexComponent_Fails()
    {
        var g = new NnGraph(20);
        g.Run1("DFT", [g.In(F(1, 10, 2)), NnGraph.None, g.Scalar(-1)]);
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void STFT_ConstantFrameStep_ComputesFramesAndBins()
    {
        var g = new NnGraph(17);
        var y = g.Run1("STFT", [g.In(F(1, 128, 1)), g.Scalar(8), g.In(F(16))]);
        Assert.That(y, Is.EqualTo(F(1, 15, 9, 2)));
    }

    [Test]
    public void STFT_FrameLongerThanSignal_Fails()
    {
        var g = new NnGraph(17);
        g.Run1("STFT", [g.In(F(1, 8, 1)), g.Scalar(2), NnGraph.None, g.Scalar(16)]);
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void HannWindow_OutputDatatype_SetsTypeAndLength()
    {
        var g = new NnGraph(17);
        var y = g.Run1("HannWindow", [g.Scalar(10)], ("output_datatype", (long)ElementType.Double));
        Assert.That(y, Is.EqualTo(T(ElementType.Double, 10)));
        Assert.That(g.Run1("BlackmanWindow", [g.In(T(ElementType.Int64))]), Is.EqualTo(F(Unk)));
    }

    [Test]
    public void HammingWindow_NonNumericDatatype_Fails()
    {
        var g = new NnGraph(17);
        g.Run1("HammingWindow", [g.Scalar(10)], ("output_datatype", (long)ElementType.String));
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void MelWeightMatrix_ConstantSizes_GiveShape()
    {
        var g = new NnGraph(17);
        var y = g.Run1("MelWeightMatrix", [g.Scalar(8), g.Scalar(16), g.Scalar(8192), g.In(T(ElementType.Float)), g.In(T(ElementType.Float))]);
        Assert.That(y, Is.EqualTo(F(9, 8)));
    }
}
