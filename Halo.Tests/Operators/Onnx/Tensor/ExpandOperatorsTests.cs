using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Tensor.OpTest;

namespace Halo.Tests.Operators.Onnx.Tensor;

[TestFixture]
public sealed class ExpandOperatorsTests
{
    [Test]
    public void Expand_ConstantShape_Broadcasts()
    {
        var t = new OpTest(13);
        var y = t.Run1("Expand", [t.Input(ElementType.Float, "N", 1L), t.Ints(2, 1, 4)]);
        Assert.That(y, Is.EqualTo(T(ElementType.Float, 2L, "N", 4L)));
    }

    [Test]
    public void Expand_NonConstantShape_KeepsKnownDims()
    {
        var t = new OpTest(8);
        var y = t.Run1("Expand", [t.Input(ElementType.Float, 3L, 1L), t.Input(ElementType.Int64, 2L)]);
        Assert.That(y, Is.EqualTo(T(ElementType.Float, 3L, null)));
    }

    [Test]
    public void Expand_Incompatible_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Expand", [t.Input(ElementType.Float, 3L), t.Ints(4)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Tile_ConstantRepeats_Multiplies()
    {
        var t = new OpTest(13);
        var y = t.Run1("Tile", [t.Input(ElementType.Float, "N", 3L), t.Ints(1, 2)]);
        Assert.That(y, Is.EqualTo(T(ElementType.Float, "N", 6L)));
    }

    [Test]
    public void Tile_NonConstantRepeats_KeepsRank()
    {
        var t = new OpTest(6);
        var y = t.Run1("Tile", [t.Input(ElementType.Float, 2L, 3L), t.Input(ElementType.Int64, 2L)]);
        Assert.That(y, Is.EqualTo(T(ElementType.Float, null, null)));
    }

    [Test]
    public void Tile_RepeatsLengthMismatch_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Tile", [t.Input(ElementType.Float, 2L, 3L), t.Ints(2)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Tile1_TilesAndAxis_MultipliesOneAxis()
    {
        var t = new OpTest(1);
        var y = t.Run1("Tile", [t.Input(ElementType.Float, 2L, 3L), t.Scalar(3L), t.Scalar(1L)]);
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 2, 9)));
    }

    [Test]
    public void Tile_UnrankedInput_RankFromRepeats()
    {
        var t = new OpTest(13);
        var y = t.Run1("Tile", [t.Unranked(ElementType.Float), t.Ints(2, 2, 2)]);
        Assert.That(y, Is.EqualTo(T(ElementType.Float, null, null, null)));
    }
}
