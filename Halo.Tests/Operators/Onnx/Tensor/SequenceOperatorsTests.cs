using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Tensor.OpTest;

namespace Halo.Tests.Operators.Onnx.Tensor;

[TestFixture]
public sealed class SequenceOperatorsTests
{
    [Test]
    public void SequenceConstruct_SameShapes_KeepsShape()
    {
        var t = new OpTest(11);
        var y = t.Run1("SequenceConstruct", [t.Input(ElementType.Float, "N", 3L), t.Input(ElementType.Float, "N", 3L)]);
        Assert.That(y, Is.EqualTo(new SequenceType(T(ElementType.Float, "N", 3L))));
    }

    [Test]
    public void SequenceConstruct_DifferentShapes_MergesDims()
    {
        var t = new OpTest(11);
        var y = t.Run1("SequenceConstruct", [t.Input(ElementType.Float, 2L, 3L), t.Input(ElementType.Float, 4L, 3L)]);
        Assert.That(y, Is.EqualTo(new SequenceType(T(ElementType.Float, null, 3L))));
    }

    [Test]
    public void SequenceConstruct_DifferentElementTypes_ReportsHalo2005()
    {
        var t = new OpTest(11);
        t.Run1("SequenceConstruct", [t.Input(ElementType.Float, 2L), t.Input(ElementType.Int64, 2L)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void SequenceEmpty_Dtype_SetsElementType()
    {
        var t = new OpTest(11);
        Assert.That(t.Run1("SequenceEmpty", [], ("dtype", (long)ElementType.Int64)),
            Is.EqualTo(new SequenceType(new TensorType(ElementType.Int64, Shape.Unranked))));
        Assert.That(t.Run1("SequenceEmpty", []), Is.EqualTo(new SequenceType(new TensorType(ElementType.Float, Shape.Unranked))));
    }

    [Test]
    public void SequenceAt_Sequence_GivesElementType()
    {
        var t = new OpTest(11);
        var seq = t.Input(new SequenceType(T(ElementType.Float, "N", 3L)));
        Assert.That(t.Run1("SequenceAt", [seq, t.Scalar(0L)]), Is.EqualTo(T(ElementType.Float, "N", 3L)));
    }

    [Test]
    public void SequenceAt_Tensor_ReportsHalo2005()
    {
        var t = new OpTest(11);
        t.Run1("SequenceAt", [t.Input(ElementType.Float, 3L), t.Scalar(0L)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void SequenceInsert_Tensor_MergesShapes()
    {
        var t = new OpTest(11);
        var seq = t.Input(new SequenceType(T(ElementType.Float, 2L, 3L)));
        var y = t.Run1("SequenceInsert", [seq, t.Input(ElementType.Float, 5L, 3L)]);
        Assert.That(y, Is.EqualTo(new SequenceType(T(ElementType.Float, null, 3L))));
    }

    [Test]
    public void SequenceInsert_OtherElementType_ReportsHalo2005()
    {
        var t = new OpTest(11);
        var seq = t.Input(new SequenceType(T(ElementType.Float, 2L)));
        t.Run1("SequenceInsert", [seq, t.Input(ElementType.Int32, 2L)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void SequenceErase_Sequence_KeepsType()
    {
        var t = new OpTest(11);
        var type = new SequenceType(T(ElementType.Float, 2L));
        Assert.That(t.Run1("SequenceErase", [t.Input(type), ValueRef.None]), Is.EqualTo(type));
    }

    [Test]
    public void SequenceLength_Sequence_IsInt64Scalar()
    {
        var t = new OpTest(11);
        var y = t.Run1("SequenceLength", [t.Input(new SequenceType(T(ElementType.Float, 2L)))]);
        Assert.That(y, Is.EqualTo(new TensorType(ElementType.Int64, Shape.Scalar)));
    }

    [Test]
    public void SplitToSequence_NoSplit_ElementsOfSizeOne()
    {
        var t = new OpTest(11);
        var y = t.Run1("SplitToSequence", [t.Input(ElementType.Float, 3L, "N")]);
        Assert.That(y, Is.EqualTo(new SequenceType(T(ElementType.Float, 1L, "N"))));
    }

    [Test]
    public void SplitToSequence_NoSplitNoKeepDims_DropsAxis()
    {
        var t = new OpTest(11);
        var y = t.Run1("SplitToSequence", [t.Input(ElementType.Float, 3L, "N")], ("axis", 1L), ("keepdims", 0L));
        Assert.That(y, Is.EqualTo(new SequenceType(TensorType.Of(ElementType.Float, 3))));
    }

    [Test]
    public void SplitToSequence_ScalarSplitDividing_GivesChunkSize()
    {
        var t = new OpTest(11);
        var y = t.Run1("SplitToSequence", [t.Input(ElementType.Float, 6L, 2L), t.Scalar(2L)]);
        Assert.That(y, Is.EqualTo(new SequenceType(TensorType.Of(ElementType.Float, 2, 2))));
    }

    [Test]
    public void SplitToSequence_UnequalSplit_UnknownDim()
    {
        var t = new OpTest(11);
        var y = t.Run1("SplitToSequence", [t.Input(ElementType.Float, 6L, 2L), t.Ints(2, 4)]);
        Assert.That(y, Is.EqualTo(new SequenceType(T(ElementType.Float, null, 2L))));
    }

    [Test]
    public void SplitToSequence_SplitSumMismatch_ReportsHalo2005()
    {
        var t = new OpTest(11);
        t.Run1("SplitToSequence", [t.Input(ElementType.Float, 6L), t.Ints(2, 2)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void ConcatFromSequence_Axis_UnknownAxisDim()
    {
        var t = new OpTest(11);
        var seq = t.Input(new SequenceType(T(ElementType.Float, "N", 3L)));
        Assert.That(t.Run1("ConcatFromSequence", [seq], ("axis", 1L)), Is.EqualTo(T(ElementType.Float, "N", null)));
    }

    [Test]
    public void ConcatFromSequence_NewAxis_InsertsDim()
    {
        var t = new OpTest(11);
        var seq = t.Input(new SequenceType(T(ElementType.Float, "N", 3L)));
        var y = t.Run1("ConcatFromSequence", [seq], ("axis", -1L), ("new_axis", 1L));
        Assert.That(y, Is.EqualTo(T(ElementType.Float, "N", 3L, null)));
    }

    [Test]
    public void ConcatFromSequence_AxisOutOfRange_ReportsHalo2005()
    {
        var t = new OpTest(11);
        var seq = t.Input(new SequenceType(T(ElementType.Float, 3L)));
        t.Run1("ConcatFromSequence", [seq], ("axis", 1L));
        Assert.That(t.HasHalo2005, Is.True);
    }
}
