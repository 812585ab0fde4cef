using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Tensor.OpTest;

namespace Halo.Tests.Operators.Onnx.Tensor;

[TestFixture]
public sealed class StringOperatorsTests
{
    [Test]
    public void StringNormalizer_NoStopwords_KeepsShape()
    {
        var t = new OpTest(10);
        var y = t.Run1("StringNormalizer", [t.Input(ElementType.String, 1L, 4L)], ("case_change_action", "LOWER"));
        Assert.That(y, Is.EqualTo(TensorType.Of(ElementType.String, 1, 4)));
    }

    [Test]
    public void StringNormalizer_Stopwords_UnknownLength()
    {
        var t = new OpTest(10);
        var y = t.Run1("StringNormalizer", [t.Input(ElementType.String, 4L)], ("stopwords", AStrings("a")));
        Assert.That(y, Is.EqualTo(T(ElementType.String, [null])));
    }

    [Test]
    public void StringNormalizer_Rank3_ReportsHalo2005()
    {
        var t = new OpTest(10);
        t.Run1("StringNormalizer", [t.Input(ElementType.String, 1L, 1L, 4L)]);
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void StringConcat_Broadcasts()
    {
        var t = new OpTest(20);
        var y = t.Run1("StringConcat", [t.Input(ElementType.String, "N", 1L), t.Input(ElementType.String, 3L)]);
        Assert.That(y, Is.EqualTo(T(ElementType.String, "N", 3L)));
    }

    [Test]
    public void StringSplit_Outputs_AppendUnknownAndKeepShape()
    {
        var t = new OpTest(20);
        var ys = t.Run("StringSplit", [t.Input(ElementType.String, 2L, "N")], 2, ("delimiter", ","));
        Assert.That(ys, Is.EqualTo(new IrType[] { T(ElementType.String, 2L, "N", null), T(ElementType.Int64, 2L, "N") }));
    }

    [Test]
    public void StringSplit_NegativeMaxsplit_ReportsHalo2005()
    {
        var t = new OpTest(20);
        t.Run("StringSplit", [t.Input(ElementType.String, 2L)], 2, ("maxsplit", -1L));
        Assert.That(t.HasHalo2005, Is.True);
    }

    [Test]
    public void RegexFullMatch_Output_IsBoolOfInputShape()
    {
        var t = new OpTest(20);
        var y = t.Run1("RegexFullMatch", [t.Input(ElementType.String, "N")], ("pattern", "a+"));
        Assert.That(y, Is.EqualTo(T(ElementType.Bool, "N")));
    }
}
