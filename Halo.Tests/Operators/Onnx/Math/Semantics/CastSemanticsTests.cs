using Halo.Core.IR;
using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Math.MathGraph;
using static Halo.Tests.Operators.Onnx.Math.Semantics.SemanticsGraph;

namespace Halo.Tests.Operators.Onnx.Math.Semantics;

[TestFixture]
public sealed class CastSemanticsTests
{
    [Test]
    public void Cast_Int64ToInt8_WrapsAround()
    {
        var r = One(13, "Cast", [L([300, -129], 2)], Attrs(("to", (long)ElementType.Int8)));
        Assert.That(r.AsSpan<sbyte>().ToArray(), Is.EqualTo(new sbyte[] { 44, 127 }));
    }

    [Test]
    public void Cast_FloatToInt32_Truncates()
    {
        var r = One(13, "Cast", [F([2.7f, -2.7f], 2)], Attrs(("to", (long)ElementType.Int32)));
        Assert.That(r.AsSpan<int>().ToArray(), Is.EqualTo(new[] { 2, -2 }));
    }

    [Test]
    public void Cast_StringToFloat_ParsesInfinityAndNaN()
    {
        var r = One(13, "Cast", [TensorData.FromStrings(["1.5", "-INF", "NaN"], [3])], Attrs(("to", (long)ElementType.Float)));
        Assert.That(Floats(r), Is.EqualTo(new[] { 1.5f, float.NegativeInfinity, float.NaN }));
    }

    [Test]
    public void Cast_Int32ToString_PrintsInvariant()
    {
        var r = One(13, "Cast", [Of(ElementType.Int32, new[] { -12, 7 }, 2)], Attrs(("to", (long)ElementType.String)));
        Assert.That(r.Strings, Is.EqualTo(new[] { "-12", "7" }));
    }

    [Test]
    public void Cast_Opset1ByName_ConvertsToDouble()
    {
        var r = One(1, "Cast", [F([0.5f], 1)], Attrs(("to", "DOUBLE")));
        Assert.That(r.AsSpan<double>()[0], Is.EqualTo(0.5));
    }

    [Test]
    public void Cast_FloatToFloat8E4M3FN_SaturatesOrGivesNaN()
    {
        var sat = One(19, "Cast", [F([1000f, -0.5f], 2)], Attrs(("to", (long)ElementType.Float8E4M3FN)));
        var noSat = One(19, "Cast", [F([1000f], 1)], Attrs(("to", (long)ElementType.Float8E4M3FN), ("saturate", 0L)));
        Assert.That(sat.Bytes.ToArray(), Is.EqualTo(new byte[] { 0x7E, 0xB0 }));
        Assert.That(noSat.Bytes.ToArray(), Is.EqualTo(new byte[] { 0x7F }));
    }

    [Test]
    public void Cast_DoubleToUInt64_KeepsLargeValues()
    {
        var r = One(13, "Cast", [Of(ElementType.Double, new[] { 1.8e19 }, 1)], Attrs(("to", (long)ElementType.UInt64)));
        Assert.That(r.AsSpan<ulong>()[0], Is.EqualTo(18000000000000000000UL));
    }

    [Test]
    public void CastLike_ToFloat16_RoundsToNearest()
    {
        var r = One(15, "CastLike", [F([1.0009765625f], 1), Of(ElementType.Float16, new[] { (Half)0 }, 1)]);
        Assert.That((double)r.AsSpan<Half>()[0], Is.EqualTo(1.0009765625));
    }

    [Test]
    public void Dropout_InferenceMode_IsIdentityWithTrueMask()
    {
        var r = Run(13, "Dropout", [F([1, 2], 2)], outputs: 2);
        Assert.That(Floats(r[0]), Is.EqualTo(new float[] { 1, 2 }));
        Assert.That(r[1].AsSpan<byte>().ToArray(), Is.EqualTo(new byte[] { 1, 1 }));
    }
}
