using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Tensor.OpTest;

namespace Halo.Tests.Operators.Onnx.Tensor;

[TestFixture]
public sealed class ConstantOperatorsTests
{
    [Test]
    public void Constant_ValueTensor_HasTensorType()
    {
        var t = new OpTest(13);
        var y = t.Run1("Constant", [], ("value", TensorData.FromFloats([1, 2, 3, 4, 5, 6], 2, 3)));
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 2, 3)));
        Assert.That(t.Errors, Is.Empty);
    }

    [TestCase("value_float", 1.5f, ElementType.Float)]
    [TestCase("value_int", 7L, ElementType.Int64)]
    [TestCase("value_string", "a", ElementType.String)]
    public void Constant_ScalarAttributes_AreScalars(string name, object value, ElementType expected)
    {
        var t = new OpTest(13);
        var y = t.Run1("Constant", [], (name, value));
        Assert.That(y, Is.EqualTo(new TensorType(expected, Shape.Scalar)));
    }

    [Test]
    public void Constant_ListAttributes_AreVectors()
    {
        var t = new OpTest(12);
        Assert.That(t.Run1("Constant", [], ("value_ints", AInts(1, 2, 3))), Is.EqualTo(TensorType.Of(ElementType.Int64, 3)));
        Assert.That(t.Run1("Constant", [], ("value_floats", AFloats(1, 2))), Is.EqualTo(TensorType.Of(ElementType.Float, 2)));
        Assert.That(t.Run1("Constant", [], ("value_strings", AStrings("a"))), Is.EqualTo(TensorType.Of(ElementType.String, 1)));
        Assert.That(t.Errors, Is.Empty);
    }

    [Test]
    public void Constant_SparseValue_IsDenseTensorOfItsShape()
    {
        var t = new OpTest(11);
        var sparse = new SparseTensorData(TensorData.FromFloats([1, 2], 2), TensorData.FromInt64s([0, 5], 2), [3, 4]);
        var y = t.Run1("Constant", [], ("sparse_value", AttributeValue.FromSparseTensor(sparse)));
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 3, 4)));
    }

    [Test]
    public void Constant_NoValue_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Constant", []);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Constant_TwoValues_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Constant", [], ("value_int", 1L), ("value_float", 1f));
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Constant_Opset1_UsesVersion1Schema()
    {
        var t = new OpTest(1);
        var y = t.Run1("Constant", [], ("value", TensorData.FromInt64s([1, 2], 2)));
        Assert.That(t.Builder.Registry.TryResolve("", "Constant", 1, out var schema), Is.True);
        Assert.That(schema!.Attributes.ContainsKey("value_int"), Is.False);
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Int64, 2)));
    }

    [Test]
    public void ConstantOfShape_ConstantShape_IsStatic()
    {
        var t = new OpTest(20);
        var y = t.Run1("ConstantOfShape", [t.Ints(2, 0, 4)], ("value", TensorData.FromInt64s([3], 1)));
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Int64, 2, 0, 4)));
    }

    [Test]
    public void ConstantOfShape_NoValue_IsFloat()
    {
        var t = new OpTest(9);
        Assert.That(t.Run1("ConstantOfShape", [t.Ints(3)]), Is.EqualTo(TensorType.Of(ElementType.Float, 3)));
    }

    [Test]
    public void ConstantOfShape_NonConstantShape_RankFromLength()
    {
        var t = new OpTest(20);
        var y = t.Run1("ConstantOfShape", [t.Input(ElementType.Int64, 3L)]);
        Assert.That(y, Is.EqualTo(T(ElementType.Float, null, null, null)));
    }

    [Test]
    public void ConstantOfShape_NegativeSize_ReportsHalo2005()
    {
        var t = new OpTest(20);
        t.Run1("ConstantOfShape", [t.Ints(2, -1)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void ConstantOfShape_ValueOfTwoElements_ReportsHalo2005()
    {
        var t = new OpTest(20);
        t.Run1("ConstantOfShape", [t.Ints(2)], ("value", TensorData.FromInt64s([1, 2], 2)));
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void EyeLike_Dtype_SetsElementTypeAndKeepsShape()
    {
        var t = new OpTest(22);
        var y = t.Run1("EyeLike", [t.Input(ElementType.Float, "N", 4L)], ("dtype", (long)ElementType.Int32));
        Assert.That(y, Is.EqualTo(T(ElementType.Int32, "N", 4L)));
    }

    [Test]
    public void EyeLike_Rank3_ReportsHalo2005()
    {
        var t = new OpTest(9);
        t.Run1("EyeLike", [t.Input(ElementType.Float, 2L, 2L, 2L)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Range_ConstantInts_ComputesLength()
    {
        var t = new OpTest(11);
        var y = t.Run1("Range", [t.Constant(TensorData.FromInt64s([10])), t.Constant(TensorData.FromInt64s([6])),
            t.Constant(TensorData.FromInt64s([-3]))]);
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Int64, 2)));
    }

    [Test]
    public void Range_ConstantFloats_ComputesLength()
    {
        var t = new OpTest(11);
        var y = t.Run1("Range", [t.Scalar(1f), t.Scalar(5f), t.Scalar(2f)]);
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 2)));
    }

    [Test]
    public void Range_EmptyRange_HasLengthZero()
    {
        var t = new OpTest(11);
        var y = t.Run1("Range", [t.Scalar(5f), t.Scalar(1f), t.Scalar(2f)]);
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 0)));
    }

    [Test]
    public void Range_NonConstant_IsVectorOfUnknownLength()
    {
        var t = new OpTest(11);
        var x = t.Input(ElementType.Int32);
        var y = t.Run1("Range", [x, x, x]);
        Assert.That(y, Is.EqualTo(T(ElementType.Int32, [null])));
    }

    [Test]
    public void Range_ZeroDelta_ReportsHalo2005()
    {
        var t = new OpTest(11);
        t.Run1("Range", [t.Scalar(1f), t.Scalar(5f), t.Scalar(0f)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Range_VectorStart_ReportsHalo2005()
    {
        var t = new OpTest(11);
        t.Run1("Range", [t.Input(ElementType.Float, 3L), t.Scalar(5f), t.Scalar(1f)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void ConstantOfShape_MaxValueSize_ReportsHalo2005()
    {
        var t = new OpTest(20);
        t.Run1("ConstantOfShape", [t.Ints(long.MaxValue)]);
        Assert.That(t.HasHalo2005, Is.True);
    }
}
