using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Tensor.OpTest;

namespace Halo.Tests.Operators.Onnx.Tensor;

[TestFixture]
public sealed class ConcatSplitOperatorsTests
{
    [Test]
    public void Concat_StaticAxis_SumsAndKeepsSymbols()
    {
        var t = new OpTest(13);
        var y = t.Run1("Concat", [t.Input(ElementType.Float, "N", 2L), t.Input(ElementType.Float, "N", 3L)], ("axis", -1L));
        Assert.That(y, Is.EqualTo(T(ElementType.Float, "N", 5L)));
    }

    [Test]
    public void Concat_SymbolicAxis_IsUnknown()
    {
        var t = new OpTest(13);
        var y = t.Run1("Concat", [t.Input(ElementType.Float, "N", 2L), t.Input(ElementType.Float, 1L, 2L)], ("axis", 0L));
        Assert.That(y, Is.EqualTo(T(ElementType.Float, null, 2L)));
    }

    [Test]
    public void Concat_UnknownOtherDim_TakesStaticOne()
    {
        var t = new OpTest(13);
        var y = t.Run1("Concat", [t.Input(ElementType.Float, null, 2L), t.Input(ElementType.Float, 4L, 2L)], ("axis", 1L));
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 4, 4)));
    }

    [Test]
    public void Concat1_DefaultAxis_IsOne()
    {
        var t = new OpTest(1);
        var y = t.Run1("Concat", [t.Input(ElementType.Float, 2L, 2L), t.Input(ElementType.Float, 2L, 3L)]);
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 2, 5)));
    }

    [Test]
    public void Concat_MismatchedOtherDims_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Concat", [t.Input(ElementType.Float, 2L, 2L), t.Input(ElementType.Float, 3L, 2L)], ("axis", 1L));
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Concat_MismatchedRanks_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Concat", [t.Input(ElementType.Float, 2L), t.Input(ElementType.Float, 2L, 2L)], ("axis", 0L));
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Concat_AxisOutOfRange_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Concat", [t.Input(ElementType.Float, 2L), t.Input(ElementType.Float, 2L)], ("axis", 1L));
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Split13_SplitInput_GivesSizes()
    {
        var t = new OpTest(13);
        var ys = t.Run("Split", [t.Input(ElementType.Float, "N", 6L), t.Ints(2, 4)], 2, ("axis", 1L));
        Assert.That(ys, Is.EqualTo(new IrType[] { T(ElementType.Float, "N", 2L), T(ElementType.Float, "N", 4L) }));
    }

    [Test]
    public void Split11_SplitAttribute_GivesSizes()
    {
        var t = new OpTest(11);
        var ys = t.Run("Split", [t.Input(ElementType.Float, 6L)], 2, ("split", AInts(1, 5)));
        Assert.That(ys, Is.EqualTo(new IrType[] { TensorType.Of(ElementType.Float, 1), TensorType.Of(ElementType.Float, 5) }));
    }

    [Test]
    public void Split_NoSplit_DividesEqually()
    {
        var t = new OpTest(13);
        var ys = t.Run("Split", [t.Input(ElementType.Float, 6L, "N")], 3);
        Assert.That(ys, Is.All.EqualTo(T(ElementType.Float, 2L, "N")));
    }

    [Test]
    public void Split13_NotDivisible_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run("Split", [t.Input(ElementType.Float, 7L)], 2);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Split18_NumOutputsUneven_LastChunkSmaller()
    {
        var t = new OpTest(18);
        var ys = t.Run("Split", [t.Input(ElementType.Float, 7L)], 3, ("num_outputs", 3L));
        Assert.That(ys, Is.EqualTo(new IrType[]
        {
            TensorType.Of(ElementType.Float, 3), TensorType.Of(ElementType.Float, 3), TensorType.Of(ElementType.Float, 1),
        }));
    }

    [Test]
    public void Split18_NumOutputsAndSplit_ReportsHalo2005()
    {
        var t = new OpTest(18);
        t.Run("Split", [t.Input(ElementType.Float, 6L), t.Ints(3, 3)], 2, ("num_outputs", 2L));
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Split_SizesDoNotAddUp_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run("Split", [t.Input(ElementType.Float, 6L), t.Ints(2, 2)], 2);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Split_NonConstantSplit_KeepsOtherDims()
    {
        var t = new OpTest(13);
        var ys = t.Run("Split", [t.Input(ElementType.Float, 6L, 3L), t.Input(ElementType.Int64, 2L)], 2);
        Assert.That(ys, Is.All.EqualTo(T(ElementType.Float, null, 3L)));
    }
}
