using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Tensor.OpTest;

namespace Halo.Tests.Operators.Onnx.Tensor;

[TestFixture]
public sealed class SqueezeOperatorsTests
{
    [Test]
    public void Squeeze13_AxesInput_RemovesAxes()
    {
        var t = new OpTest(13);
        var y = t.Run1("Squeeze", [t.Input(ElementType.Float, "N", 1L, 4L, 1L), t.Ints(1, -1)]);
        Assert.That(y, Is.EqualTo(T(ElementType.Float, "N", 4L)));
    }

    [Test]
    public void Squeeze11_AxesAttribute_RemovesAxes()
    {
        var t = new OpTest(11);
        var y = t.Run1("Squeeze", [t.Input(ElementType.Float, 1L, 3L, 1L)], ("axes", AInts(0)));
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 3, 1)));
    }

    [Test]
    public void Squeeze_NoAxesStatic_RemovesAllOnes()
    {
        var t = new OpTest(13);
        Assert.That(t.Run1("Squeeze", [t.Input(ElementType.Float, 1L, 3L, 1L)]), Is.EqualTo(TensorType.Of(ElementType.Float, 3)));
    }

    [Test]
    public void Squeeze_NoAxesSymbolic_IsUnranked()
    {
        var t = new OpTest(13);
        Assert.That(t.Run1("Squeeze", [t.Input(ElementType.Float, "N", 1L)]), Is.EqualTo(new TensorType(ElementType.Float, Shape.Unranked)));
    }

    [Test]
    public void Squeeze_AxisNotOne_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Squeeze", [t.Input(ElementType.Float, 2L, 3L), t.Ints(0)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Squeeze_AxisOutOfRange_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Squeeze", [t.Input(ElementType.Float, 1L, 3L), t.Ints(2)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Squeeze_NonConstantAxes_RankFromLength()
    {
        var t = new OpTest(13);
        var y = t.Run1("Squeeze", [t.Input(ElementType.Float, 1L, 3L, 1L), t.Input(ElementType.Int64, 2L)]);
        Assert.That(y, Is.EqualTo(T(ElementType.Float, [null])));
    }

    [Test]
    public void Unsqueeze13_AxesInput_InsertsOnes()
    {
        var t = new OpTest(13);
        var y = t.Run1("Unsqueeze", [t.Input(ElementType.Float, "N", 4L), t.Ints(0, -1)]);
        Assert.That(y, Is.EqualTo(T(ElementType.Float, 1L, "N", 4L, 1L)));
    }

    [Test]
    public void Unsqueeze11_AxesAttribute_InsertsOnes()
    {
        var t = new OpTest(11);
        var y = t.Run1("Unsqueeze", [t.Input(ElementType.Float, 3L, 4L)], ("axes", AInts(1, 3)));
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 3, 1, 4, 1)));
    }

    [Test]
    public void Unsqueeze_Scalar_BecomesVector()
    {
        var t = new OpTest(13);
        Assert.That(t.Run1("Unsqueeze", [t.Input(ElementType.Int64), t.Ints(0)]), Is.EqualTo(TensorType.Of(ElementType.Int64, 1)));
    }

    [Test]
    public void Unsqueeze_DuplicateAxes_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Unsqueeze", [t.Input(ElementType.Float, 3L), t.Ints(0, 0)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Unsqueeze_AxisOutOfRange_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Unsqueeze", [t.Input(ElementType.Float, 3L), t.Ints(5)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Transpose_Perm_PermutesDims()
    {
        var t = new OpTest(13);
        var y = t.Run1("Transpose", [t.Input(ElementType.Float, "N", 3L, null)], ("perm", AInts(2, 0, 1)));
        Assert.That(y, Is.EqualTo(T(ElementType.Float, null, "N", 3L)));
    }

    [Test]
    public void Transpose_NoPerm_Reverses()
    {
        var t = new OpTest(1);
        Assert.That(t.Run1("Transpose", [t.Input(ElementType.Float, 2L, 3L, 4L)]), Is.EqualTo(TensorType.Of(ElementType.Float, 4, 3, 2)));
    }

    [Test]
    public void Transpose_BadPerm_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Transpose", [t.Input(ElementType.Float, 2L, 3L)], ("perm", AInts(0, 0)));
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Transpose_PermLengthMismatch_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Transpose", [t.Input(ElementType.Float, 2L, 3L)], ("perm", AInts(0, 1, 2)));
        Assert.That(t.HasHalo2005, Is.True);
    }
}
