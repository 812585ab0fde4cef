using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Tensor.OpTest;

namespace Halo.Tests.Operators.Onnx.Tensor;

[TestFixture]
public sealed class GatherOperatorsTests
{
    [Test]
    public void Gather_Axis_ReplacesAxisByIndicesShape()
    {
        var t = new OpTest(13);
        var y = t.Run1("Gather", [t.Input(ElementType.Float, "N", 5L, 6L), t.Input(ElementType.Int64, 2L, "K")], ("axis", 1L));
        Assert.That(y, Is.EqualTo(T(ElementType.Float, "N", 2L, "K", 6L)));
    }

    [Test]
    public void Gather_ScalarIndex_RemovesAxis()
    {
        var t = new OpTest(1);
        var y = t.Run1("Gather", [t.Input(ElementType.Float, 5L, 6L), t.Input(ElementType.Int64)]);
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 6)));
    }

    [Test]
    public void Gather_AxisOutOfRange_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Gather", [t.Input(ElementType.Float, 5L), t.Input(ElementType.Int64, 2L)], ("axis", 1L));
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void GatherElements_Output_HasIndicesShape()
    {
        var t = new OpTest(13);
        var y = t.Run1("GatherElements", [t.Input(ElementType.Float, 3L, 3L), t.Input(ElementType.Int32, 2L, 3L)], ("axis", 0L));
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 2, 3)));
    }

    [Test]
    public void GatherElements_RankMismatch_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("GatherElements", [t.Input(ElementType.Float, 3L, 3L), t.Input(ElementType.Int32, 2L)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void GatherNd_NoBatch_AppendsTrailingDataDims()
    {
        var t = new OpTest(11);
        var y = t.Run1("GatherND", [t.Input(ElementType.Float, 2L, 3L, 4L), t.Input(ElementType.Int64, "K", 2L)]);
        Assert.That(y, Is.EqualTo(T(ElementType.Float, "K", 4L)));
    }

    [Test]
    public void GatherNd12_BatchDims_SkipsBatchDims()
    {
        var t = new OpTest(12);
        var y = t.Run1("GatherND", [t.Input(ElementType.Float, 2L, 3L, 4L), t.Input(ElementType.Int64, 2L, 1L)], ("batch_dims", 1L));
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 2, 4)));
    }

    [Test]
    public void GatherNd_IndexTooLong_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("GatherND", [t.Input(ElementType.Float, 2L, 3L), t.Input(ElementType.Int64, 1L, 3L)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void GatherNd_BadBatchDims_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("GatherND", [t.Input(ElementType.Float, 2L, 3L), t.Input(ElementType.Int64, 2L, 1L)], ("batch_dims", 2L));
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void ScatterElements_Output_HasDataShape()
    {
        var t = new OpTest(18);
        var y = t.Run1("ScatterElements", [t.Input(ElementType.Float, "N", 3L), t.Input(ElementType.Int64, 1L, 2L),
            t.Input(ElementType.Float, 1L, 2L)], ("reduction", "max"));
        Assert.That(y, Is.EqualTo(T(ElementType.Float, "N", 3L)));
        Assert.That(t.Errors, Is.Empty);
    }

    [Test]
    public void ScatterElements16_MaxReduction_ReportsHalo2005()
    {
        var t = new OpTest(16);
        t.Run1("ScatterElements", [t.Input(ElementType.Float, 3L), t.Input(ElementType.Int64, 1L), t.Input(ElementType.Float, 1L)],
            ("reduction", "max"));
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void ScatterElements_UpdatesShapeMismatch_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("ScatterElements", [t.Input(ElementType.Float, 3L, 3L), t.Input(ElementType.Int64, 1L, 2L), t.Input(ElementType.Float, 1L, 3L)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Scatter9_Output_HasDataShape()
    {
        var t = new OpTest(10);
        var y = t.Run1("Scatter", [t.Input(ElementType.Float, 3L, 3L), t.Input(ElementType.Int64, 1L, 2L), t.Input(ElementType.Float, 1L, 2L)]);
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 3, 3)));
    }

    [Test]
    public void ScatterNd_Output_HasDataShape()
    {
        var t = new OpTest(16);
        var y = t.Run1("ScatterND", [t.Input(ElementType.Float, 4L, 4L, 4L), t.Input(ElementType.Int64, 2L, 1L),
            t.Input(ElementType.Float, 2L, 4L, 4L)], ("reduction", "add"));
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 4, 4, 4)));
    }

    [Test]
    public void ScatterNd_UpdatesRankMismatch_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("ScatterND", [t.Input(ElementType.Float, 4L, 4L), t.Input(ElementType.Int64, 2L, 1L), t.Input(ElementType.Float, 2L)]);
        Assert.That(t.HasHalo2005, Is.True);
    }
}
