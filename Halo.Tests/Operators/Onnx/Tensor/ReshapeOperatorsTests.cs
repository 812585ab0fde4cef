using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Tensor.OpTest;

namespace Halo.Tests.Operators.Onnx.Tensor;

[TestFixture]
public sealed class ReshapeOperatorsTests
{
    [Test]
    public void Shape_RankedInput_IsVectorOfRank()
    {
        var t = new OpTest(13);
        Assert.That(t.Run1("Shape", [t.Input(ElementType.Float, "N", 3L, null)]), Is.EqualTo(TensorType.Of(ElementType.Int64, 3)));
    }

    [Test]
    public void Shape_UnrankedInput_IsVectorOfUnknownLength()
    {
        var t = new OpTest(13);
        Assert.That(t.Run1("Shape", [t.Unranked(ElementType.Float)]), Is.EqualTo(T(ElementType.Int64, [null])));
    }

    [TestCase(1L, null, 3L)]
    [TestCase(-1L, null, 1L)]
    [TestCase(1L, -1L, 2L)]
    [TestCase(10L, null, 0L)]
    [TestCase(-10L, 2L, 2L)]
    public void Shape_StartEnd_ClampsToRank(long start, long? end, long expected)
    {
        var t = new OpTest(15);
        var x = t.Input(ElementType.Float, 1L, 2L, 3L, 4L);
        var y = end is { } e ? t.Run1("Shape", [x], ("start", start), ("end", e)) : t.Run1("Shape", [x], ("start", start));
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Int64, expected)));
    }

    [Test]
    public void Size_AnyInput_IsInt64Scalar()
    {
        var t = new OpTest(13);
        Assert.That(t.Run1("Size", [t.Unranked(ElementType.Float)]), Is.EqualTo(new TensorType(ElementType.Int64, Shape.Scalar)));
    }

    [Test]
    public void Reshape_ConstantShapeWithZeroAndMinusOne_CopiesAndInfers()
    {
        var t = new OpTest(13);
        var y = t.Run1("Reshape", [t.Input(ElementType.Float, 2L, 3L, 4L), t.Ints(0, -1)]);
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 2, 12)));
        Assert.That(t.Errors, Is.Empty);
    }

    [Test]
    public void Reshape_SymbolicBatch_CopiesSymbolAndInfersRest()
    {
        var t = new OpTest(13);
        var y = t.Run1("Reshape", [t.Input(ElementType.Float, "N", 3L, 4L), t.Ints(0, -1)]);
        Assert.That(y, Is.EqualTo(T(ElementType.Float, "N", 12L)));
    }

    [Test]
    public void Reshape_SymbolMovedToTarget_CancelsSymbol()
    {
        var t = new OpTest(13);
        var x = t.Input(ElementType.Float, "N", 6L);
        var y = t.Run1("Reshape", [x, t.Ints(-1, 3)]);
        Assert.That(y, Is.EqualTo(T(ElementType.Float, null, 3L)));
    }

    [Test]
    public void Reshape_UnknownInputDim_InfersUnknown()
    {
        var t = new OpTest(13);
        var y = t.Run1("Reshape", [t.Input(ElementType.Float, null, 6L), t.Ints(2, -1)]);
        Assert.That(y, Is.EqualTo(T(ElementType.Float, 2L, null)));
    }

    [Test]
    public void Reshape_NonConstantShape_RankFromShapeLength()
    {
        var t = new OpTest(13);
        var y = t.Run1("Reshape", [t.Input(ElementType.Float, 2L, 3L), t.Input(ElementType.Int64, 3L)]);
        Assert.That(y, Is.EqualTo(T(ElementType.Float, null, null, null)));
    }

    [Test]
    public void Reshape_ElementCountMismatch_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Reshape", [t.Input(ElementType.Float, 2L, 3L), t.Ints(4, 2)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Reshape_TwoMinusOnes_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Reshape", [t.Input(ElementType.Float, 2L, 3L), t.Ints(-1, -1)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Reshape_NotDivisible_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Reshape", [t.Input(ElementType.Float, 2L, 3L), t.Ints(4, -1)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Reshape14_AllowZero_KeepsZeroSize()
    {
        var t = new OpTest(14);
        var y = t.Run1("Reshape", [t.Input(ElementType.Float, 0L, 3L), t.Ints(3, 0)], ("allowzero", 1L));
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 3, 0)));
    }

    [Test]
    public void Reshape13_ZeroCopiesInputDim()
    {
        var t = new OpTest(13);
        var y = t.Run1("Reshape", [t.Input(ElementType.Float, 3L, 4L), t.Ints(-1, 0)]);
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 3, 4)));
    }

    [Test]
    public void Reshape14_AllowZeroWithMinusOne_ReportsHalo2005()
    {
        var t = new OpTest(14);
        t.Run1("Reshape", [t.Input(ElementType.Float, 0L, 3L), t.Ints(0, -1)], ("allowzero", 1L));
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Reshape1_ShapeAttribute_IsUsed()
    {
        var t = new OpTest(1);
        var y = t.Run1("Reshape", [t.Input(ElementType.Float, 2L, 6L)], ("shape", AInts(3, -1)));
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 3, 4)));
    }

    [Test]
    public void Reshape_HugeTargetRank_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Reshape", [t.Input(ElementType.Float, 1L), t.Input(ElementType.Int64, 1_000_000_000L)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Flatten_DefaultAxis_KeepsBatchSymbol()
    {
        var t = new OpTest(13);
        var y = t.Run1("Flatten", [t.Input(ElementType.Float, "N", 3L, 4L)]);
        Assert.That(y, Is.EqualTo(T(ElementType.Float, "N", 12L)));
    }

    [TestCase(0L, 1L, 24L)]
    [TestCase(3L, 24L, 1L)]
    [TestCase(-1L, 6L, 4L)]
    public void Flatten_Axis_SplitsProduct(long axis, long rows, long cols)
    {
        var t = new OpTest(13);
        var y = t.Run1("Flatten", [t.Input(ElementType.Float, 2L, 3L, 4L)], ("axis", axis));
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, rows, cols)));
    }

    [Test]
    public void Flatten_AxisOutOfRange_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Flatten", [t.Input(ElementType.Float, 2L, 3L)], ("axis", 3L));
        Assert.That(t.HasHalo2005, Is.True);
    }
}
