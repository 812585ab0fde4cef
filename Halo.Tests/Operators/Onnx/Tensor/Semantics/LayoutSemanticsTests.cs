using Halo.Core.IR;
using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Tensor.Semantics.TensorEval;

namespace Halo.Tests.Operators.Onnx.Tensor.Semantics;

[TestFixture]
public sealed class LayoutSemanticsTests
{
    [Test]
    public void DepthToSpace_CrdThenSpaceToDepth_DiffersFromDcrRoundTrip()
    {
        long[] values = [.. Enumerable.Range(0, 8).Select(i => (long)i)];
        var crd = Run1(13, "DepthToSpace", [Ints(values, 1, 4, 1, 2)], ("blocksize", 2L), ("mode", "CRD"));
        Assert.That(crd.AsSpan<long>().ToArray(), Is.EqualTo(new long[] { 0, 2, 1, 3, 4, 6, 5, 7 }));
        var dcr = Run1(13, "DepthToSpace", [Ints(values, 1, 4, 1, 2)], ("blocksize", 2L));
        var back = Run1(13, "SpaceToDepth", [dcr], ("blocksize", 2L));
        Assert.That(back.AsSpan<long>().ToArray(), Is.EqualTo(values));
    }

    [Test]
    public void CenterCropPad_CropAndPad_CentersEachAxis()
    {
        var y = Run1(18, "CenterCropPad", [Ints([1, 2, 3, 4, 5, 6], 2, 3), Ints([4, 1], 2)]);
        Assert.That(y.Dimensions, Is.EqualTo(new long[] { 4, 1 }));
        Assert.That(y.AsSpan<long>().ToArray(), Is.EqualTo(new long[] { 0, 2, 5, 0 }));
    }

    [Test]
    public void Tile_Version1TilesAndAxis_RepeatsOneAxis()
    {
        var y = Run1(1, "Tile", [TensorData.FromFloats([1, 2], 1, 2), Ints([3]), Ints([0])]);
        Assert.That(y.Dimensions, Is.EqualTo(new long[] { 3, 2 }));
    }

    [Test]
    public void Split_Version2Attribute_UsesSizes()
    {
        var r = Run(2, "Split", [TensorData.FromFloats([1, 2, 3], 3)], 2, ("split", new long[] { 1, 2 }));
        Assert.That(((Halo.Core.Semantics.TensorValue)r[1]).Data.AsSpan<float>().ToArray(), Is.EqualTo(new float[] { 2, 3 }));
    }

    [Test]
    public void Resize_NearestOnInt8Ceil_MovesElements()
    {
        var x = TensorData.Create<sbyte>(ElementType.Int8, [1, 2, 3, 4], 1, 1, 2, 2);
        var y = Run1(13, "Resize", [x, null, TensorData.FromFloats([1, 1, 2, 2], 4)], ("nearest_mode", "floor"),
            ("coordinate_transformation_mode", "asymmetric"));
        Assert.That(y.AsSpan<sbyte>().ToArray(), Is.EqualTo(new sbyte[] { 1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4 }));
    }

    [Test]
    public void Resize_LinearOnDouble_InterpolatesAlignCorners()
    {
        var x = TensorData.Create<double>(ElementType.Double, [0, 3], 2);
        var y = Run1(13, "Resize", [x, null, null, Ints([4], 1)], ("mode", "linear"), ("coordinate_transformation_mode", "align_corners"));
        Assert.That(y.AsSpan<double>().ToArray(), Is.EqualTo(new double[] { 0, 1, 2, 3 }).Within(1e-12));
    }

    [Test]
    public void ReverseSequence_PerBatchLengths_ReversesPrefix()
    {
        var y = Run1(10, "ReverseSequence", [Ints([1, 2, 3, 4, 5, 6], 2, 3), Ints([3, 1], 2)], ("batch_axis", 0L), ("time_axis", 1L));
        Assert.That(y.AsSpan<long>().ToArray(), Is.EqualTo(new long[] { 3, 2, 1, 4, 5, 6 }));
    }

    [Test]
    public void OneHot_NegativeIndexAndStringValues_WrapsAndCopies()
    {
        var y = Run1(11, "OneHot", [Ints([-1], 1), Ints([3]), Strings(["off", "on"], 2)]);
        Assert.That(y.Strings, Is.EqualTo(new[] { "off", "off", "on" }));
    }

    [Test]
    public void NonZero_Bool_ListsCoordinates()
    {
        var y = Run1(13, "NonZero", [TensorData.Create<bool>(ElementType.Bool, [false, true, true, false], 2, 2)]);
        Assert.That(y.AsSpan<long>().ToArray(), Is.EqualTo(new long[] { 0, 1, 1, 0 }));
    }

    [Test]
    public void NonZero_Float8NegativeZero_IsZero()
    {
        var x = TensorData.FromBytes(ElementType.Float8E4M3FN, [3], new byte[] { 0x80, 0x38, 0x00 });
        var y = Run1(13, "NonZero", [x]);
        Assert.That(y.AsSpan<long>().ToArray(), Is.EqualTo(new long[] { 1 }));
    }

    [Test]
    public void NonZero_Int4_ReadsNibbles()
    {
        var x = TensorData.FromBytes(ElementType.Int4, [4], new byte[] { 0x30, 0xF0 });
        var y = Run1(21, "NonZero", [x]);
        Assert.That(y.AsSpan<long>().ToArray(), Is.EqualTo(new long[] { 1, 3 }));
    }
}
