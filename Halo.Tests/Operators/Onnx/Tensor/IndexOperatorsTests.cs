using Halo.Core.IR;
using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Tensor.OpTest;

namespace Halo.Tests.Operators.Onnx.Tensor;

[TestFixture]
public sealed class IndexOperatorsTests
{
    [Test]
    public void OneHot_ConstantDepth_InsertsDepthAtAxis()
    {
        var t = new OpTest(11);
        var y = t.Run1("OneHot", [t.Input(ElementType.Int64, "N", 3L), t.Scalar(10f), t.Input(ElementType.Float, 2L)], ("axis", 1L));
        Assert.That(y, Is.EqualTo(T(ElementType.Float, "N", 10L, 3L)));
    }

    [Test]
    public void OneHot_DefaultAxis_AppendsDepth()
    {
        var t = new OpTest(9);
        var y = t.Run1("OneHot", [t.Input(ElementType.Int64, 3L), t.Input(ElementType.Int64), t.Input(ElementType.Int32, 2L)]);
        Assert.That(y, Is.EqualTo(T(ElementType.Int32, 3L, null)));
    }

    [Test]
    public void OneHot_ValuesOfThree_ReportsHalo2005()
    {
        var t = new OpTest(11);
        t.Run1("OneHot", [t.Input(ElementType.Int64, 3L), t.Scalar(4L), t.Input(ElementType.Float, 3L)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void NonZero_Input_IsRankByUnknown()
    {
        var t = new OpTest(13);
        var y = t.Run1("NonZero", [t.Input(ElementType.Float, 2L, "N")]);
        Assert.That(y, Is.EqualTo(T(ElementType.Int64, 2L, null)));
    }

    [Test]
    public void NonZero_Constant_CountsNonZeros()
    {
        var t = new OpTest(13);
        var y = t.Run1("NonZero", [t.Constant(TensorData.FromInt64s([0, 1, 2, 0], 2, 2))]);
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Int64, 2, 2)));
    }

    [Test]
    public void Unique_NoAxis_GivesVectors()
    {
        var t = new OpTest(11);
        var ys = t.Run("Unique", [t.Input(ElementType.Float, 2L, 3L)], 4);
        Assert.That(ys, Is.EqualTo(new IrType[]
        {
            T(ElementType.Float, [null]), T(ElementType.Int64, [null]), TensorType.Of(ElementType.Int64, 6), T(ElementType.Int64, [null]),
        }));
    }

    [Test]
    public void Unique_Axis_KeepsOtherDims()
    {
        var t = new OpTest(11);
        var ys = t.Run("Unique", [t.Input(ElementType.Float, 4L, 3L)], 3, ("axis", -2L));
        Assert.That(ys[0], Is.EqualTo(T(ElementType.Float, null, 3L)));
        Assert.That(ys[2], Is.EqualTo(TensorType.Of(ElementType.Int64, 4)));
    }

    [Test]
    public void Unique_AxisOutOfRange_ReportsHalo2005()
    {
        var t = new OpTest(11);
        t.Run("Unique", [t.Input(ElementType.Float, 4L)], 1, ("axis", 1L));
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Compress_ConstantCondition_CountsTrues()
    {
        var t = new OpTest(11);
        var cond = t.Constant(TensorData.Create(ElementType.Bool, new byte[] { 1, 0, 1 }.AsSpan(), 3));
        var y = t.Run1("Compress", [t.Input(ElementType.Float, "N", 3L), cond], ("axis", 1L));
        Assert.That(y, Is.EqualTo(T(ElementType.Float, "N", 2L)));
    }

    [Test]
    public void Compress_NoAxis_IsVector()
    {
        var t = new OpTest(9);
        var y = t.Run1("Compress", [t.Input(ElementType.Float, 2L, 3L), t.Input(ElementType.Bool, 3L)]);
        Assert.That(y, Is.EqualTo(T(ElementType.Float, [null])));
    }

    [Test]
    public void Compress_MatrixCondition_ReportsHalo2005()
    {
        var t = new OpTest(11);
        t.Run1("Compress", [t.Input(ElementType.Float, 2L, 3L), t.Input(ElementType.Bool, 2L, 3L)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Compress_ShortConstantConditionNoAxis_CountsTrues()
    {
        var t = new OpTest(11);
        var cond = t.Constant(TensorData.Create(ElementType.Bool, new byte[] { 0, 1, 1 }.AsSpan(), 3));
        var y = t.Run1("Compress", [t.Input(ElementType.Float, 3L, 2L), cond]);
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 2)));
    }
}
