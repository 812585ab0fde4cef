using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Math.MathGraph;
using static Halo.Tests.Operators.Onnx.Math.Semantics.SemanticsGraph;

namespace Halo.Tests.Operators.Onnx.Math.Semantics;

[TestFixture]
public sealed class ReductionSemanticsTests
{
    private static readonly float[] s_x = [1, 2, 3, 4, 5, 6];

    [Test]
    public void ReduceSum_Opset11AxesAttributeNoKeepdims_DropsAxis()
    {
        var r = One(11, "ReduceSum", [F(s_x, 2, 3)], Attrs(("axes", new long[] { 1 }), ("keepdims", 0L)));
        Assert.That(r.Dimensions, Is.EqualTo(new long[] { 2 }));
        Assert.That(Floats(r), Is.EqualTo(new float[] { 6, 15 }));
    }

    [Test]
    public void ReduceMax_Opset18NoopWithEmptyAxes_ReturnsInput()
    {
        var r = One(18, "ReduceMax", [F(s_x, 2, 3)], Attrs(("noop_with_empty_axes", 1L)));
        Assert.That(Floats(r), Is.EqualTo(s_x));
    }

    [Test]
    public void ReduceMean_Opset18AxesInputNegative_KeepsDims()
    {
        var r = One(18, "ReduceMean", [F(s_x, 2, 3), L([-2], 1)]);
        Assert.That(r.Dimensions, Is.EqualTo(new long[] { 1, 3 }));
        Assert.That(Floats(r), Is.EqualTo(new float[] { 2.5f, 3.5f, 4.5f }));
    }

    [Test]
    public void ReduceLogSumExp_LargeValues_DoesNotOverflow()
    {
        var r = One(18, "ReduceLogSumExp", [F([1000, 1000], 2)]);
        Assert.That(Floats(r)[0], Is.EqualTo(1000 + System.Math.Log(2)).Within(1e-3));
    }

    [Test]
    public void ReduceProd_Int64_IsExact()
    {
        var r = One(13, "ReduceProd", [L([3037000499, 3037000499], 2)]);
        Assert.That(Longs(r)[0], Is.EqualTo(3037000499L * 3037000499L));
    }

    [Test]
    public void ArgMax_SelectLastIndex_PicksLastTie()
    {
        var first = One(13, "ArgMax", [F([1, 3, 3], 3)]);
        var last = One(13, "ArgMax", [F([1, 3, 3], 3)], Attrs(("select_last_index", 1L)));
        Assert.That(Longs(first), Is.EqualTo(new long[] { 1 }));
        Assert.That(Longs(last), Is.EqualTo(new long[] { 2 }));
    }

    [Test]
    public void Softmax_Opset11_NormalizesTrailingDimensionsTogether()
    {
        var r = One(11, "Softmax", [F([0, 0, 0, 0], 1, 2, 2)]);
        Assert.That(Floats(r), Is.EqualTo(new float[] { 0.25f, 0.25f, 0.25f, 0.25f }).Within(1e-6));
    }

    [Test]
    public void Softmax_Opset13_NormalizesOneAxis()
    {
        var r = One(13, "Softmax", [F([0, 0, 0, 0], 1, 2, 2)]);
        Assert.That(Floats(r), Is.EqualTo(new float[] { 0.5f, 0.5f, 0.5f, 0.5f }).Within(1e-6));
    }

    [Test]
    public void Hardmax_Ties_PicksFirst()
    {
        var r = One(13, "Hardmax", [F([2, 2, 1], 1, 3)]);
        Assert.That(Floats(r), Is.EqualTo(new float[] { 1, 0, 0 }));
    }

    [Test]
    public void TopK_Ties_KeepLowerIndexFirst()
    {
        var r = Run(11, "TopK", [F([1, 3, 3, 2], 4), L([3], 1)], outputs: 2);
        Assert.That(Floats(r[0]), Is.EqualTo(new float[] { 3, 3, 2 }));
        Assert.That(Longs(r[1]), Is.EqualTo(new long[] { 1, 2, 3 }));
    }

    [Test]
    public void TopK_SmallestInt32_Ascending()
    {
        var r = Run(11, "TopK", [Of(ElementType.Int32, new[] { 5, -1, 3 }, 3), L([2], 1)], Attrs(("largest", 0L)), 2);
        Assert.That(r[0].AsSpan<int>().ToArray(), Is.EqualTo(new[] { -1, 3 }));
    }

    [Test]
    public void CumSum_ExclusiveReverse_SumsFollowingElements()
    {
        var r = One(14, "CumSum", [L([1, 2, 3], 3), L([0], 1)], Attrs(("exclusive", 1L), ("reverse", 1L)));
        Assert.That(Longs(r), Is.EqualTo(new long[] { 5, 3, 0 }));
    }
}
