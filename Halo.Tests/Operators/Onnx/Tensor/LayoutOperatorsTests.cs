using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Tensor.OpTest;

namespace Halo.Tests.Operators.Onnx.Tensor;

[TestFixture]
public sealed class LayoutOperatorsTests
{
    [Test]
    public void DepthToSpace_Blocks_MovesChannelsToSpace()
    {
        var t = new OpTest(13);
        var y = t.Run1("DepthToSpace", [t.Input(ElementType.Float, "N", 8L, 3L, 5L)], ("blocksize", 2L), ("mode", "CRD"));
        Assert.That(y, Is.EqualTo(T(ElementType.Float, "N", 2L, 6L, 10L)));
    }

    [Test]
    public void DepthToSpace_ChannelsNotMultiple_ReportsHalo2005()
    {
        var t = new OpTest(1);
        t.Run1("DepthToSpace", [t.Input(ElementType.Float, 1L, 6L, 3L, 5L)], ("blocksize", 2L));
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void SpaceToDepth_Blocks_MovesSpaceToChannels()
    {
        var t = new OpTest(13);
        var y = t.Run1("SpaceToDepth", [t.Input(ElementType.Float, 1L, 3L, 4L, 6L)], ("blocksize", 2L));
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 1, 12, 2, 3)));
    }

    [Test]
    public void SpaceToDepth_Rank3_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("SpaceToDepth", [t.Input(ElementType.Float, 3L, 4L, 6L)], ("blocksize", 2L));
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void ReverseSequence_Output_HasInputShape()
    {
        var t = new OpTest(10);
        var y = t.Run1("ReverseSequence", [t.Input(ElementType.Float, "T", 4L), t.Input(ElementType.Int64, 4L)]);
        Assert.That(y, Is.EqualTo(T(ElementType.Float, "T", 4L)));
    }

    [Test]
    public void ReverseSequence_SameAxes_ReportsHalo2005()
    {
        var t = new OpTest(10);
        t.Run1("ReverseSequence", [t.Input(ElementType.Float, 3L, 4L), t.Input(ElementType.Int64, 4L)], ("batch_axis", 0L));
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Col2Im_ConstantShapes_ComputesImage()
    {
        var t = new OpTest(18);
        var y = t.Run1("Col2Im", [t.Input(ElementType.Float, "N", 12L, 20L), t.Ints(5, 6), t.Ints(2, 3)]);
        Assert.That(y, Is.EqualTo(T(ElementType.Float, "N", 2L, 5L, 6L)));
    }

    [Test]
    public void Col2Im_ChannelsNotMultiple_ReportsHalo2005()
    {
        var t = new OpTest(18);
        t.Run1("Col2Im", [t.Input(ElementType.Float, 1L, 10L, 20L), t.Ints(5, 6), t.Ints(2, 3)]);
        Assert.That(t.HasHalo2005, Is.True);
    }
}
