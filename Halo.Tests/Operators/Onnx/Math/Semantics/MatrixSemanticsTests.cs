using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Math.MathGraph;
using static Halo.Tests.Operators.Onnx.Math.Semantics.SemanticsGraph;

namespace Halo.Tests.Operators.Onnx.Math.Semantics;

[TestFixture]
public sealed class MatrixSemanticsTests
{
    [Test]
    public void MatMul_VectorTimesMatrix_DropsPromotedDimension()
    {
        var r = One(13, "MatMul", [F([1, 2], 2), F([1, 2, 3, 4, 5, 6], 2, 3)]);
        Assert.That(r.Dimensions, Is.EqualTo(new long[] { 3 }));
        Assert.That(Floats(r), Is.EqualTo(new float[] { 9, 12, 15 }));
    }

    [Test]
    public void MatMul_Int32BroadcastBatch_MultipliesEachBatch()
    {
        var a = Of(ElementType.Int32, new[] { 1, 0, 0, 1, 2, 0, 0, 2 }, 2, 1, 2, 2);
        var b = Of(ElementType.Int32, new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }, 3, 2, 2);
        var r = One(13, "MatMul", [a, b]);
        Assert.That(r.Dimensions, Is.EqualTo(new long[] { 2, 3, 2, 2 }));
        Assert.That(r.AsSpan<int>()[12..16].ToArray(), Is.EqualTo(new[] { 2, 4, 6, 8 }));
    }

    [Test]
    public void Gemm_TransposedAWithRowBias_AddsBias()
    {
        var r = One(13, "Gemm", [F([1, 2, 3, 4], 2, 2), F([1, 0, 0, 1], 2, 2), F([10, 20], 2)],
            Attrs(("transA", 1L), ("alpha", 2f), ("beta", 0.5f)));
        Assert.That(Floats(r), Is.EqualTo(new float[] { 7, 16, 9, 18 }));
    }

    [Test]
    public void MatMulInteger_ZeroPoints_AreSubtracted()
    {
        var a = Of(ElementType.UInt8, new byte[] { 3, 4 }, 1, 2);
        var b = Of(ElementType.UInt8, new byte[] { 2, 2 }, 2, 1);
        var r = One(10, "MatMulInteger", [a, b, Of(ElementType.UInt8, new byte[] { 1 }), Of(ElementType.UInt8, new byte[] { 1 })]);
        Assert.That(r.AsSpan<int>().ToArray(), Is.EqualTo(new[] { 5 }));
    }

    [Test]
    public void Einsum_Trace_SumsDiagonal()
    {
        var r = One(12, "Einsum", [F([1, 2, 3, 4], 2, 2)], Attrs(("equation", "ii->")));
        Assert.That(Floats(r), Is.EqualTo(new float[] { 5 }));
    }

    [Test]
    public void Einsum_ImplicitOutputWithEllipsis_BatchesMatMul()
    {
        var r = One(12, "Einsum", [F([1, 2, 3, 4], 1, 2, 2), F([1, 0, 0, 1], 2, 2)], Attrs(("equation", "...ij,jk")));
        Assert.That(r.Dimensions, Is.EqualTo(new long[] { 1, 2, 2 }));
        Assert.That(Floats(r), Is.EqualTo(new float[] { 1, 2, 3, 4 }));
    }

    [Test]
    public void Det_TwoByTwoBatch_GivesEachDeterminant()
    {
        var r = One(11, "Det", [F([1, 2, 3, 4, 2, 0, 0, 2], 2, 2, 2)]);
        Assert.That(Floats(r), Is.EqualTo(new float[] { -2, 4 }).Within(1e-5));
    }

    [Test]
    public void Trilu_LowerWithK_KeepsBelowDiagonal()
    {
        var r = One(14, "Trilu", [L([1, 2, 3, 4, 5, 6, 7, 8, 9], 3, 3), L([-1])], Attrs(("upper", 0L)));
        Assert.That(Longs(r), Is.EqualTo(new long[] { 0, 0, 0, 4, 0, 0, 7, 8, 0 }));
    }

    [Test]
    public void QuantizeLinear_PerAxis_UsesChannelScale()
    {
        var r = One(13, "QuantizeLinear", [F([2, 2, 2, 2], 2, 2), F([1, 2], 2), Of(ElementType.UInt8, new byte[] { 0, 10 }, 2)]);
        Assert.That(r.AsSpan<byte>().ToArray(), Is.EqualTo(new byte[] { 2, 11, 2, 11 }));
    }

    [Test]
    public void QuantizeLinear_HalfwayAndOverflow_RoundsEvenAndSaturates()
    {
        var r = One(13, "QuantizeLinear", [F([2.5f, 3.5f, 1000, -1000], 4), F([1]), Of(ElementType.Int8, new sbyte[] { 0 })]);
        Assert.That(r.AsSpan<sbyte>().ToArray(), Is.EqualTo(new sbyte[] { 2, 4, 127, -128 }));
    }

    [Test]
    public void QuantizeLinear_Float32QuotientOnHalfBoundary_DividesInFloat32()
    {
        // ONNX divides in x's type: 0.5f / (5f / 255f) is 25.5 in float32 (-> 26, even) but 25.4999... in double (-> 25).
        float scale = 5f / 255f;
        var r = One(13, "QuantizeLinear", [F([0.5f], 1), F([scale]), Of(ElementType.UInt8, new byte[] { 153 })]);
        Assert.That(r.AsSpan<byte>().ToArray(), Is.EqualTo(new byte[] { 179 }));
    }

    [Test]
    public void DequantizeLinear_Blocked_UsesBlockScale()
    {
        var r = One(21, "DequantizeLinear", [Of(ElementType.Int8, new sbyte[] { 1, 1, 1, 1 }, 1, 4), F([1, 10], 1, 2)],
            Attrs(("axis", 1L), ("block_size", 2L)));
        Assert.That(Floats(r), Is.EqualTo(new float[] { 1, 1, 10, 10 }));
    }

    [Test]
    public void RandomUniform_Seeded_HasShapeAndRange()
    {
        var r = One(1, "RandomUniform", [], Attrs(("shape", new long[] { 2, 3 }), ("low", 2f), ("high", 3f), ("seed", 1f)));
        Assert.That(r.Dimensions, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(Floats(r), Has.All.InRange(2f, 3f));
    }
}
