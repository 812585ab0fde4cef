using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Math.MathGraph;
using static Halo.Tests.Operators.Onnx.Math.Semantics.SemanticsGraph;

namespace Halo.Tests.Operators.Onnx.Math.Semantics;

[TestFixture]
public sealed class PassThroughSemanticsTests
{
    [Test]
    public void Identity_Sequence_ReturnsSameValue()
    {
        var tensorType = new TensorType(ElementType.Float, Shape.Of(2));
        var builder = new GraphBuilder(opsets: new Dictionary<string, long> { [""] = 16 });
        var input = builder.AddInput("s", new SequenceType(tensorType));
        builder.AddOutput(builder.AddOp("Identity", input));
        var sequence = new SequenceValue(tensorType, [new TensorValue(F([1, 2], 2))]);
        var result = ReferenceEvaluator.Default.Evaluate(builder.Build(), [sequence]);
        Assert.That(result[0], Is.SameAs(sequence));
    }

    [Test]
    public void Dropout_TrainingWithZeroRatio_KeepsEverything()
    {
        var r = Run(13, "Dropout", [F([1, 2], 2), F([0f]), Of(ElementType.Bool, new byte[] { 1 })], outputs: 2);
        Assert.That(Floats(r[0]), Is.EqualTo(new float[] { 1, 2 }));
        Assert.That(r[1].AsSpan<byte>().ToArray(), Is.EqualTo(new byte[] { 1, 1 }));
    }

    [Test]
    public void Dropout_TrainingWithSeed_IsDeterministicAndScales()
    {
        var x = F([1, 1, 1, 1, 1, 1, 1, 1], 8);
        var attrs = Attrs(("seed", 7L));
        var a = Run(13, "Dropout", [x, F([0.5f]), Of(ElementType.Bool, new byte[] { 1 })], attrs, 2);
        var b = Run(13, "Dropout", [x, F([0.5f]), Of(ElementType.Bool, new byte[] { 1 })], attrs, 2);
        Assert.That(Floats(a[0]), Is.EqualTo(Floats(b[0])));
        Assert.That(Floats(a[0]), Has.All.Matches<float>(v => v == 0 || v == 2));
    }

    [Test]
    public void Cast_FloatToInt4_RoundsAndClamps()
    {
        var r = One(21, "Cast", [F([2.5f, 3.5f, 100, -100], 4)], Attrs(("to", (long)ElementType.Int4)));
        Assert.That(r.Bytes.ToArray(), Is.EqualTo(new byte[] { 0x42, 0x87 }));
    }

    [Test]
    public void Cast_Float4E2M1RoundTrip_KeepsRepresentableValues()
    {
        var to = One(21, "Cast", [F([0.5f, -6, 1.5f, 3], 4)], Attrs(("to", (long)ElementType.Float4E2M1)));
        var back = One(21, "Cast", [to], Attrs(("to", (long)ElementType.Float)));
        Assert.That(Floats(back), Is.EqualTo(new float[] { 0.5f, -6, 1.5f, 3 }));
    }

    [Test]
    public void Erf_Int32_TruncatesTheRealResult()
    {
        var r = One(13, "Erf", [Of(ElementType.Int32, new[] { 0, 1, -3 }, 3)]);
        Assert.That(r.AsSpan<int>().ToArray(), Is.EqualTo(new[] { 0, 0, 0 }));
    }

    [Test]
    public void Gelu_Tanh_MatchesApproximation()
    {
        var r = One(20, "Gelu", [F([1], 1)], Attrs(("approximate", "tanh")));
        Assert.That(Floats(r)[0], Is.EqualTo(0.841192f).Within(1e-5));
    }

    [Test]
    public void Mean_Opset8_BroadcastsAndAverages()
    {
        var r = One(8, "Mean", [F([1, 3], 2), F([5], 1)]);
        Assert.That(Floats(r), Is.EqualTo(new float[] { 3, 4 }));
    }
}
