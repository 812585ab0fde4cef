using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Tensor.OpTest;

namespace Halo.Tests.Operators.Onnx.Tensor;

[TestFixture]
public sealed class ResizeOperatorsTests
{
    [Test]
    public void Resize10_Scales_FloorsProducts()
    {
        var t = new OpTest(10);
        var y = t.Run1("Resize", [t.Input(ElementType.Float, 1L, 1L, 3L, 5L), t.Floats(1, 1, 2, 0.6f)]);
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 1, 1, 6, 3)));
    }

    [Test]
    public void Resize11_Sizes_AreUsed()
    {
        var t = new OpTest(11);
        var y = t.Run1("Resize", [t.Input(ElementType.Float, "N", 3L, 4L, 4L), t.Floats(), t.Floats(), t.Ints(1, 3, 8, 9)]);
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 1, 3, 8, 9)));
    }

    [Test]
    public void Resize13_ScalesKeepSymbolWhereScaleIsOne()
    {
        var t = new OpTest(13);
        var y = t.Run1("Resize", [t.Input(ElementType.Float, "N", 3L, 4L, 4L), ValueRef.None, t.Floats(1, 1, 2, 2)]);
        Assert.That(y, Is.EqualTo(T(ElementType.Float, "N", 3L, 8L, 8L)));
    }

    [Test]
    public void Resize18_AxesAndNotLarger_KeepsAspectRatio()
    {
        var t = new OpTest(18);
        var y = t.Run1("Resize", [t.Input(ElementType.Float, 1L, 1L, 4L, 4L), ValueRef.None, ValueRef.None, t.Ints(7, 8)],
            ("axes", AInts(2, 3)), ("keep_aspect_ratio_policy", "not_larger"));
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 1, 1, 7, 7)));
    }

    [Test]
    public void Resize19_NotSmaller_KeepsAspectRatio()
    {
        var t = new OpTest(19);
        var y = t.Run1("Resize", [t.Input(ElementType.Float, 1L, 1L, 4L, 4L), ValueRef.None, ValueRef.None, t.Ints(1, 1, 7, 8)],
            ("keep_aspect_ratio_policy", "not_smaller"));
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 2, 2, 8, 8)));
    }

    [Test]
    public void Resize_NonConstantScales_KeepsRank()
    {
        var t = new OpTest(13);
        var y = t.Run1("Resize", [t.Input(ElementType.Float, 1L, 3L), ValueRef.None, t.Input(ElementType.Float, 2L)]);
        Assert.That(y, Is.EqualTo(T(ElementType.Float, null, null)));
    }

    [Test]
    public void Resize_ScalesAndSizes_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Resize", [t.Input(ElementType.Float, 1L, 3L), ValueRef.None, t.Floats(1, 2), t.Ints(1, 6)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Resize_ScalesLengthMismatch_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Resize", [t.Input(ElementType.Float, 1L, 3L), ValueRef.None, t.Floats(2)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Upsample7_ScalesAttribute_IsUsed()
    {
        var t = new OpTest(7);
        var y = t.Run1("Upsample", [t.Input(ElementType.Float, 1L, 1L, 2L, 2L)], ("scales", AFloats(1, 1, 2, 3)));
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 1, 1, 4, 6)));
    }

    [Test]
    public void Upsample9_ScalesInput_IsUsed()
    {
        var t = new OpTest(9);
        var y = t.Run1("Upsample", [t.Input(ElementType.Float, 1L, 1L, 2L, 2L), t.Floats(1, 1, 2, 3)]);
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 1, 1, 4, 6)));
    }

    [Test]
    public void Upsample_NegativeScale_ReportsHalo2005()
    {
        var t = new OpTest(9);
        t.Run1("Upsample", [t.Input(ElementType.Float, 2L), t.Floats(-1)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Resize11_NonConstantScalesOfUnknownLength_UsesConstantSizes()
    {
        var t = new OpTest(11);
        var y = t.Run1("Resize", [t.Input(ElementType.Float, 1L, 2L), t.Floats(), t.Unranked(ElementType.Float), t.Ints(3, 4)]);
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.Float, 3, 4)));
        Assert.That(t.Errors, Is.Empty);
    }

    [Test]
    public void Resize13_NeitherScalesNorSizes_ReportsHalo2005()
    {
        var t = new OpTest(13);
        t.Run1("Resize", [t.Input(ElementType.Float, 1L, 2L)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void Upsample1_HeightAndWidthScales_ScaleLastTwoDims()
    {
        var t = new OpTest(1);
        var y = t.Run1("Upsample", [t.Input(ElementType.Float, "N", 3L, 2L, 5L)], ("height_scale", 2f), ("width_scale", 1.5f));
        Assert.That(y, Is.EqualTo(T(ElementType.Float, "N", 3L, 4L, 7L)));
    }

    [Test]
    public void Resize11_CropAndResizeWithScales_CroppedAxesUnknown()
    {
        var t = new OpTest(11);
        var roi = t.Floats(0, 0, 0.4f, 1, 1, 0.6f);
        var y = t.Run1("Resize", [t.Input(ElementType.Float, 1L, 1L, 10L), roi, t.Floats(1, 1, 2), t.Floats()],
            ("coordinate_transformation_mode", "tf_crop_and_resize"));
        Assert.That(y, Is.EqualTo(T(ElementType.Float, 1L, 1L, null)));
    }
}
