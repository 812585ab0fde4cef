using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Tensor.OpTest;

namespace Halo.Tests.Operators.Onnx.Tensor;

[TestFixture]
public sealed class PadOperatorsTests
{
    [Test]
    public void Pad11_PadsInput_AddsBeginAndEnd()
    {
        var t = new OpTest(11);
        var y = t.Run1("Pad", [t.Input(ElementType.Float, "N", 3L, 4L), t.Ints(0, 1, 2, 0, 1, -1)]);
        Assert.That(y, Is.EqualTo(T(ElementType.Float, "N", 5L, 5L)));
    }

    [Test]
    public void Pad2_PadsAttribute_IsUsed()
    {
        var t = new OpTest(2);
        var y = t.Run1("Pad", [t.Input(ElementType.Float, 2L, 2L)], ("pads", AInts(1, 1, 1, 1)), ("mode", "reflect"));
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 4, 4)));
    }

    [Test]
    public void Pad1_PaddingsAttribute_IsUsed()
    {
        var t = new OpTest(1);
        var y = t.Run1("Pad", [t.Input(ElementType.Float, 2L, 2L)], ("paddings", AInts(0, 1, 0, 2)));
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 2, 5)));
    }

    [Test]
    public void Pad18_Axes_PadsOnlyThoseAxes()
    {
        var t = new OpTest(18);
        var y = t.Run1("Pad", [t.Input(ElementType.Float, 2L, 3L, 4L), t.Ints(1, 2), ValueRefNone(), t.Ints(-1)]);
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 2, 3, 7)));
    }

    [Test]
    public void Pad19_WrapMode_IsAccepted()
    {
        var t = new OpTest(19);
        var y = t.Run1("Pad", [t.Input(ElementType.Float, 2L), t.Ints(1, 1)], ("mode", "wrap"));
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 4)));
        Assert.That(t.Errors, Is.Empty);
    }

    [Test]
    public void Pad_NonConstantPads_KeepsRank()
    {
        var t = new OpTest(13);
        var y = t.Run1("Pad", [t.Input(ElementType.Float, 2L, 3L), t.Input(ElementType.Int64, 4L)]);
        Assert.That(y, Is.EqualTo(T(ElementType.Float, null, null)));
    }

    [Test]
    public void Pad_NegativeResult_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Pad", [t.Input(ElementType.Float, 2L), t.Ints(-2, -1)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Pad_WrongPadsLength_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Pad", [t.Input(ElementType.Float, 2L, 2L), t.Ints(1, 1)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Pad_UnknownMode_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Pad", [t.Input(ElementType.Float, 2L), t.Ints(1, 1)], ("mode", "mirror"));
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void CenterCropPad_Axes_ReplacesThoseDims()
    {
        var t = new OpTest(18);
        var y = t.Run1("CenterCropPad", [t.Input(ElementType.Float, "N", 10L, 7L), t.Ints(5, 9)], ("axes", AInts(1, 2)));
        Assert.That(y, Is.EqualTo(T(ElementType.Float, "N", 5L, 9L)));
    }

    [Test]
    public void CenterCropPad_ShapeLengthMismatch_ReportsHalo2005()
    {
        var t = new OpTest(18);
        t.Run1("CenterCropPad", [t.Input(ElementType.Float, 10L, 7L), t.Ints(5)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    private static Halo.Core.IR.Green.ValueRef ValueRefNone() => Halo.Core.IR.Green.ValueRef.None;
}
