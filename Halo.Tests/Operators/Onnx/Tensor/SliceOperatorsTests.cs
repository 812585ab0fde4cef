using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Tensor.OpTest;

namespace Halo.Tests.Operators.Onnx.Tensor;

[TestFixture]
public sealed class SliceOperatorsTests
{
    [Test]
    public void Slice_StepsAndAxes_ComputesLengths()
    {
        var t = new OpTest(13);
        var y = t.Run1("Slice", [t.Input(ElementType.Float, 2L, 4L), t.Ints(1, 0), t.Ints(2, 3), t.Ints(0, 1), t.Ints(1, 2)]);
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 1, 2)));
    }

    [Test]
    public void Slice_NegativeStep_ReversesAll()
    {
        var t = new OpTest(13);
        var y = t.Run1("Slice", [t.Input(ElementType.Float, 10L), t.Ints(-1), t.Ints(long.MinValue), t.Ints(0), t.Ints(-1)]);
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 10)));
    }

    [TestCase(0L, 1000L, 1L, 20L)]
    [TestCase(-3L, 1000L, 1L, 3L)]
    [TestCase(1000L, 1000L, 1L, 0L)]
    [TestCase(20L, 0L, -3L, 7L)]
    [TestCase(5L, 2L, 1L, 0L)]
    [TestCase(-100L, -1L, 2L, 10L)]
    public void Slice_Clamping_MatchesNumpy(long start, long end, long step, long expected)
    {
        var t = new OpTest(13);
        var y = t.Run1("Slice", [t.Input(ElementType.Float, 20L), t.Ints(start), t.Ints(end), t.Ints(0), t.Ints(step)]);
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, expected)));
    }

    [Test]
    public void Slice_SymbolicDimToEnd_KeepsSymbol()
    {
        var t = new OpTest(13);
        var y = t.Run1("Slice", [t.Input(ElementType.Float, "N", 8L), t.Ints(0, 2), t.Ints(long.MaxValue, 6)]);
        Assert.That(y, Is.EqualTo(T(ElementType.Float, "N", 4L)));
    }

    [Test]
    public void Slice_SymbolicDimPartial_IsUnknown()
    {
        var t = new OpTest(13);
        var y = t.Run1("Slice", [t.Input(ElementType.Float, "N"), t.Ints(1), t.Ints(long.MaxValue)]);
        Assert.That(y, Is.EqualTo(T(ElementType.Float, [null])));
    }

    [Test]
    public void Slice_NonConstantStartsWithConstantAxes_OnlyThoseUnknown()
    {
        var t = new OpTest(13);
        var s = t.Input(ElementType.Int64, 1L);
        var y = t.Run1("Slice", [t.Input(ElementType.Float, "N", 8L), s, s, t.Ints(1)]);
        Assert.That(y, Is.EqualTo(T(ElementType.Float, "N", null)));
    }

    [Test]
    public void Slice1_Attributes_AreUsed()
    {
        var t = new OpTest(1);
        var y = t.Run1("Slice", [t.Input(ElementType.Float, 5L, 6L)], ("starts", AInts(1)), ("ends", AInts(-1)), ("axes", AInts(1)));
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 5, 4)));
    }

    [Test]
    public void Slice_ZeroStep_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Slice", [t.Input(ElementType.Float, 5L), t.Ints(0), t.Ints(3), t.Ints(0), t.Ints(0)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Slice_LengthMismatch_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Slice", [t.Input(ElementType.Float, 5L, 5L), t.Ints(0, 1), t.Ints(3)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Slice_AxisOutOfRange_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Slice", [t.Input(ElementType.Float, 5L), t.Ints(0), t.Ints(3), t.Ints(1)]);
        Assert.That(t.HasHalo2005, Is.True);
    }
}
