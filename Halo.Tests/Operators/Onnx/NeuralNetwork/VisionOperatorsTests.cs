using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.NeuralNetwork.NnGraph;

namespace Halo.Tests.Operators.Onnx.NeuralNetwork;

/// <summary>NonMaxSuppression, GridSample, AffineGrid and ImageDecoder inference.</summary>
[TestFixture]
public sealed class VisionOperatorsTests
{
    [Test]
    public void NonMaxSuppression_GivesSelectedTriples()
    {
        var g = new NnGraph(11);
        var y = g.Run1("NonMaxSuppression", [g.In(F(1, 6, 4)), g.In(F(1, 2, 6)), g.Ints(3)]);
        Assert.That(y, Is.EqualTo(new TensorType(ElementType.Int64, Shape.Of(Unk, 3))));
    }

    [Test]
    public void NonMaxSuppression_BoxCountMismatch_Fails()
    {
        var g = new NnGraph(10);
        g.Run1("NonMaxSuppression", [g.In(F(1, 6, 4)), g.In(F(1, 2, 5))]);
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void GridSample20_VolumetricGrid_GivesOutputSpatialFromGrid()
    {
        var g = new NnGraph(20);
        var y = g.Run1("GridSample", [g.In(F(Sym("N"), 3, 4, 5, 6)), g.In(F(Sym("N"), 2, 3, 4, 3))]);
        Assert.That(y, Is.EqualTo(F(Sym("N"), 3, 2, 3, 4)));
    }

    [Test]
    public void GridSample16_OnlyFourDimensional()
    {
        var g = new NnGraph(16);
        Assert.That(g.Run1("GridSample", [g.In(F(1, 3, 4, 5)), g.In(F(1, 6, 7, 2))], ("mode", "bilinear")), Is.EqualTo(F(1, 3, 6, 7)));
        g.Run1("GridSample", [g.In(F(1, 3, 4, 5, 6)), g.In(F(1, 2, 3, 4, 3))]);
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void GridSample_GridLastAxisMismatch_Fails()
    {
        var g = new NnGraph(22);
        g.Run1("GridSample", [g.In(F(1, 3, 4, 5)), g.In(F(1, 6, 7, 3))]);
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void AffineGrid_ConstantSize_GivesGridShape()
    {
        var g = new NnGraph(20);
        Assert.That(g.Run1("AffineGrid", [g.In(F(2, 2, 3)), g.Ints(2, 3, 5, 6)]), Is.EqualTo(F(2, 5, 6, 2)));
        Assert.That(g.Run1("AffineGrid", [g.In(F(2, 3, 4)), g.Ints(2, 3, 4, 5, 6)]), Is.EqualTo(F(2, 4, 5, 6, 3)));
    }

    [Test]
    public void AffineGrid_ThetaDoesNotMatchSize_Fails()
    {
        var g = new NnGraph(20);
        g.Run1("AffineGrid", [g.In(F(2, 3, 4)), g.Ints(2, 3, 5, 6)]);
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void ImageDecoder_PixelFormat_SetsChannels()
    {
        var g = new NnGraph(20);
        var stream = g.In(T(ElementType.UInt8, 100));
        Assert.That(g.Run1("ImageDecoder", [stream]), Is.EqualTo(new TensorType(ElementType.UInt8, Shape.Of(Unk, Unk, 3))));
        Assert.That(g.Run1("ImageDecoder", [stream], ("pixel_format", "Grayscale")),
            Is.EqualTo(new TensorType(ElementType.UInt8, Shape.Of(Unk, Unk, 1))));
        g.Run1("ImageDecoder", [stream], ("pixel_format", "CMYK"));
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void GridSample_UnrankedX_TakesRankFromGrid()
    {
        var g = new NnGraph(20);
        var y = g.Run1("GridSample", [g.In(Unranked()), g.In(F(2, 6, 7, 2))]);
        Assert.That(y, Is.EqualTo(F(2, Unk, 6, 7)));
    }
}
