using NUnit.Framework;
using Halo.Core.IR.Types;
using static Halo.Tests.Operators.Onnx.NeuralNetwork.NnGraph;

namespace Halo.Tests.Operators.Onnx.NeuralNetwork;

/// <summary>Conv, ConvTranspose and DeformConv output shapes.</summary>
[TestFixture]
public sealed class ConvOperatorsTests
{
    [Test]
    public void Conv_PadsAndStrides_ComputesSpatialSizes()
    {
        var g = new NnGraph();
        var y = g.Run1("Conv", [g.In(F(1, 1, 7, 5)), g.In(F(2, 1, 3, 3))],
            ("pads", new long[] { 1, 0, 1, 0 }), ("strides", new long[] { 2, 2 }));
        Assert.That(y, Is.EqualTo(F(1, 2, 4, 2)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void Conv_DilationsAndGroups_ComputesShape()
    {
        var g = new NnGraph(11);
        var y = g.Run1("Conv", [g.In(F(2, 4, 10, 10)), g.In(F(8, 2, 3, 3)), g.In(F(8))],
            ("group", 2L), ("dilations", new long[] { 2, 2 }));
        Assert.That(y, Is.EqualTo(F(2, 8, 6, 6)));
    }

    [Test]
    public void Conv_SameUpperWithSymbolicDims_KeepsSymbols()
    {
        var g = new NnGraph();
        var y = g.Run1("Conv", [g.In(F(Sym("N"), 3, Sym("H"), 9)), g.In(F(4, 3, 3, 3))], ("auto_pad", "SAME_UPPER"));
        Assert.That(y, Is.EqualTo(F(Sym("N"), 4, Sym("H"), 9)));
    }

    [Test]
    public void Conv_SameUpperStride2_RoundsUp()
    {
        var g = new NnGraph();
        var y = g.Run1("Conv", [g.In(F(1, 1, 7, 7)), g.In(F(1, 1, 3, 3))], ("auto_pad", "SAME_LOWER"), ("strides", new long[] { 2, 2 }));
        Assert.That(y, Is.EqualTo(F(1, 1, 4, 4)));
    }

    [Test]
    public void Conv_UnknownWeightSpatialDims_KnowsRankAndChannels()
    {
        var g = new NnGraph();
        var y = g.Run1("Conv", [g.In(F(1, 3, 8, 8)), g.In(F(16, 3, Unk, Unk))]);
        Assert.That(y, Is.EqualTo(F(1, 16, Unk, Unk)));
    }

    [Test]
    public void Conv_UnrankedInput_UsesWeightRank()
    {
        var g = new NnGraph();
        var y = g.Run1("Conv", [g.In(Unranked()), g.In(F(16, 3, 3))]);
        Assert.That(y, Is.EqualTo(F(Unk, 16, Unk)));
    }

    [Test]
    public void Conv_ChannelMismatch_Fails()
    {
        var g = new NnGraph();
        var y = g.Run1("Conv", [g.In(F(1, 3, 8, 8)), g.In(F(16, 4, 3, 3))]);
        Assert.That(g.Failed, Is.True);
        Assert.That(((TensorType)y).Shape.IsRanked, Is.False);
    }

    [Test]
    public void Conv_PadsOfWrongLength_Fails()
    {
        var g = new NnGraph();
        g.Run1("Conv", [g.In(F(1, 3, 8, 8)), g.In(F(16, 3, 3, 3))], ("pads", new long[] { 1, 1 }));
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void Conv_KernelLargerThanInput_Fails()
    {
        var g = new NnGraph();
        g.Run1("Conv", [g.In(F(1, 3, 2, 2)), g.In(F(16, 3, 3, 3))]);
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void ConvTranspose_StridesAndOutputPadding_ComputesShape()
    {
        var g = new NnGraph();
        var y = g.Run1("ConvTranspose", [g.In(F(1, 1, 3, 3)), g.In(F(1, 2, 3, 3))],
            ("strides", new long[] { 3, 2 }), ("output_padding", new long[] { 1, 1 }));
        Assert.That(y, Is.EqualTo(F(1, 2, 10, 8)));
    }

    [Test]
    public void ConvTranspose_OutputShape_WinsOverPads()
    {
        var g = new NnGraph();
        var y = g.Run1("ConvTranspose", [g.In(F(1, 1, 3, 3)), g.In(F(1, 2, 3, 3))],
            ("strides", new long[] { 3, 2 }), ("output_shape", new long[] { 10, 8 }));
        Assert.That(y, Is.EqualTo(F(1, 2, 10, 8)));
    }

    [Test]
    public void ConvTranspose_SameUpper_MultipliesByStride()
    {
        var g = new NnGraph(11);
        var y = g.Run1("ConvTranspose", [g.In(F(1, 1, 3, 3)), g.In(F(1, 2, 3, 3))],
            ("strides", new long[] { 2, 2 }), ("auto_pad", "SAME_UPPER"));
        Assert.That(y, Is.EqualTo(F(1, 2, 6, 6)));
    }

    [Test]
    public void ConvTranspose_GroupedChannels_MultipliesOutputChannels()
    {
        var g = new NnGraph(1);
        var y = g.Run1("ConvTranspose", [g.In(F(Sym("N"), 4, 5)), g.In(F(4, 3, 3))], ("group", 2L), ("pads", new long[] { 1, 1 }));
        Assert.That(y, Is.EqualTo(F(Sym("N"), 6, 5)));
    }

    [Test]
    public void ConvTranspose_InputChannelMismatch_Fails()
    {
        var g = new NnGraph();
        g.Run1("ConvTranspose", [g.In(F(1, 3, 3, 3)), g.In(F(1, 2, 3, 3))]);
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void DeformConv_WithOffsetAndMask_ComputesShape()
    {
        var g = new NnGraph(19);
        var y = g.Run1("DeformConv", [g.In(F(1, 1, 3, 3)), g.In(F(1, 1, 2, 2)), g.In(F(1, 8, 2, 2)), None, g.In(F(1, 4, 2, 2))]);
        Assert.That(y, Is.EqualTo(F(1, 1, 2, 2)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void DeformConv_BadBias_Fails()
    {
        var g = new NnGraph(22);
        g.Run1("DeformConv", [g.In(F(1, 1, 3, 3)), g.In(F(2, 1, 2, 2)), g.In(F(1, 8, 2, 2)), g.In(F(3))]);
        Assert.That(g.Failed, Is.True);
    }
}
