using Halo.Core.IR.Types;
using Halo.Core.Semantics;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Math.MathGraph;
using static Halo.Tests.Operators.Onnx.Math.Semantics.SemanticsGraph;

namespace Halo.Tests.Operators.Onnx.Math.Semantics;

[TestFixture]
public sealed class ElementwiseSemanticsTests
{
    [Test]
    public void Add_Int64BeyondDoublePrecision_IsExact()
    {
        var r = One(14, "Add", [L([9007199254740993], 1), L([1], 1)]);
        Assert.That(Longs(r), Is.EqualTo(new long[] { 9007199254740994 }));
    }

    [Test]
    public void Add_Opset6BroadcastAtAxis_AlignsB()
    {
        var a = F([1, 2, 3, 4, 5, 6], 2, 3);
        var r = One(6, "Add", [a, F([10, 20], 2)], Attrs(("broadcast", 1L), ("axis", 0L)));
        Assert.That(Floats(r), Is.EqualTo(new float[] { 11, 12, 13, 24, 25, 26 }));
    }

    [Test]
    public void Div_Int32_TruncatesTowardZero()
    {
        var r = One(14, "Div", [Of(ElementType.Int32, new[] { -7, 7 }, 2), Of(ElementType.Int32, new[] { 2, -2 }, 2)]);
        Assert.That(r.AsSpan<int>().ToArray(), Is.EqualTo(new[] { -3, -3 }));
    }

    [Test]
    public void Div_IntegerByZero_ThrowsEvaluationException() =>
        Assert.Throws<EvaluationException>(() => One(14, "Div", [Of(ElementType.Int32, new[] { 1 }, 1), Of(ElementType.Int32, new[] { 0 }, 1)]));

    [Test]
    public void Div_UInt64AboveInt64Range_IsUnsigned()
    {
        var r = One(14, "Div", [Of(ElementType.UInt64, new[] { ulong.MaxValue }, 1), Of(ElementType.UInt64, new[] { 2UL }, 1)]);
        Assert.That(r.AsSpan<ulong>()[0], Is.EqualTo(ulong.MaxValue / 2));
    }

    [Test]
    public void Mod_IntegerWithoutFmod_TakesDivisorSign()
    {
        var r = One(13, "Mod", [L([-7, 7], 2), L([3, -3], 2)]);
        Assert.That(Longs(r), Is.EqualTo(new long[] { 2, -2 }));
    }

    [Test]
    public void Mod_Fmod_TakesDividendSign()
    {
        var r = One(13, "Mod", [F([-7, 7], 2), F([3, -3], 2)], Attrs(("fmod", 1L)));
        Assert.That(Floats(r), Is.EqualTo(new float[] { -1, 1 }));
    }

    [Test]
    public void Pow_IntegerBaseFloatExponent_TruncatesToBaseType()
    {
        var r = One(15, "Pow", [L([2, 3], 2), F([0.5f, 2], 2)]);
        Assert.That(Longs(r), Is.EqualTo(new long[] { 1, 9 }));
    }

    [Test]
    public void BitShift_Uint8Left_DropsHighBits()
    {
        var r = One(11, "BitShift", [Of(ElementType.UInt8, new byte[] { 0x81, 1 }, 2), Of(ElementType.UInt8, new byte[] { 1, 8 }, 2)],
            Attrs(("direction", "LEFT")));
        Assert.That(r.AsSpan<byte>().ToArray(), Is.EqualTo(new byte[] { 2, 0 }));
    }

    [Test]
    public void Greater_NaN_IsFalse()
    {
        var r = One(13, "Greater", [F([float.NaN, 2], 2), F([1], 1)]);
        Assert.That(r.AsSpan<byte>().ToArray(), Is.EqualTo(new byte[] { 0, 1 }));
    }

    [Test]
    public void Max_Int32ThreeOperands_Broadcasts()
    {
        var r = One(13, "Max", [Of(ElementType.Int32, new[] { 1, 5 }, 2), Of(ElementType.Int32, new[] { 3 }, 1), Of(ElementType.Int32, new[] { 0, 4 }, 2, 1)]);
        Assert.That(r.Dimensions, Is.EqualTo(new long[] { 2, 2 }));
        Assert.That(r.AsSpan<int>().ToArray(), Is.EqualTo(new[] { 3, 5, 4, 5 }));
    }

    [Test]
    public void Clip_Int32Bounds_Clamps()
    {
        var r = One(13, "Clip", [Of(ElementType.Int32, new[] { -5, 0, 5 }, 3), Of(ElementType.Int32, new[] { -1 }), Of(ElementType.Int32, new[] { 1 })]);
        Assert.That(r.AsSpan<int>().ToArray(), Is.EqualTo(new[] { -1, 0, 1 }));
    }

    [Test]
    public void Clip_Opset6Attributes_Clamps()
    {
        var r = One(6, "Clip", [F([-5, 0, 5], 3)], Attrs(("min", -1f), ("max", 2f)));
        Assert.That(Floats(r), Is.EqualTo(new float[] { -1, 0, 2 }));
    }

    [Test]
    public void Where_Strings_SelectsPerElement()
    {
        var c = Of(ElementType.Bool, new byte[] { 1, 0 }, 2);
        var x = Halo.Core.IR.TensorData.FromStrings(["a", "b"], [2]);
        var y = Halo.Core.IR.TensorData.FromStrings(["z"], [1]);
        var r = One(16, "Where", [c, x, y]);
        Assert.That(r.Strings, Is.EqualTo(new[] { "a", "z" }));
    }

    [Test]
    public void Erf_KnownValues_MatchToSevenDigits()
    {
        var r = One(13, "Erf", [Of(ElementType.Double, new[] { 0.1, 1.0, -2.0 }, 3)]);
        Assert.That(r.AsSpan<double>().ToArray(), Is.EqualTo(new[] { 0.1124629160, 0.8427007929, -0.9953222650 }).Within(1e-7));
    }

    [Test]
    public void Relu_Int8Opset14_ZeroesNegatives()
    {
        var r = One(14, "Relu", [Of(ElementType.Int8, new sbyte[] { -3, 4 }, 2)]);
        Assert.That(r.AsSpan<sbyte>().ToArray(), Is.EqualTo(new sbyte[] { 0, 4 }));
    }
}
