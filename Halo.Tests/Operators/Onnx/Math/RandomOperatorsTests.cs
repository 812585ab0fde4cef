using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Math.MathGraph;

namespace Halo.Tests.Operators.Onnx.Math;

[TestFixture]
public sealed class RandomOperatorsTests
{
    [TestCase("RandomNormal")]
    [TestCase("RandomUniform")]
    public void Random_ShapeAndDtypeAttributes(string op)
    {
        var g = new MathGraph(1);
        Assert.That(g.Type(op, [], Attrs(("shape", new long[] { 2, 3 }))), Is.EqualTo(Of(ElementType.Float, 2, 3)));
        Assert.That(g.Type(op, [], Attrs(("shape", new long[] { 4 }), ("dtype", (long)ElementType.Double))), Is.EqualTo(Of(ElementType.Double, 4)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void RandomNormal_NegativeShape_ReportsHALO2005()
    {
        var g = new MathGraph(22);
        g.Type("RandomNormal", [], Attrs(("shape", new long[] { -1 })));
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }

    [TestCase("RandomNormalLike")]
    [TestCase("RandomUniformLike")]
    [TestCase("Bernoulli")]
    public void RandomLike_InputShape_DtypeOrInputType(string op)
    {
        var g = new MathGraph(22);
        Assert.That(g.Type(op, [g.Input(ElementType.Float16, Sym("N"), 3)]), Is.EqualTo(Of(ElementType.Float16, Sym("N"), 3)));
        Assert.That(g.Type(op, [g.Input(ElementType.Float, 2)], Attrs(("dtype", (long)ElementType.Double))), Is.EqualTo(Of(ElementType.Double, 2)));
    }

    [Test]
    public void Bernoulli_BoolDtype_Accepted()
    {
        var g = new MathGraph(15);
        Assert.That(g.Type("Bernoulli", [g.Input(ElementType.Float, 5)], Attrs(("dtype", (long)ElementType.Bool))), Is.EqualTo(Of(ElementType.Bool, 5)));
    }

    [Test]
    public void Multinomial_BatchBySampleSize()
    {
        var g = new MathGraph(7);
        Assert.That(g.Type("Multinomial", [g.Input(ElementType.Float, Sym("B"), 10)], Attrs(("sample_size", 4L))), Is.EqualTo(Of(ElementType.Int32, Sym("B"), 4)));
        Assert.That(g.Type("Multinomial", [g.Input(ElementType.Float, 3, 10)], Attrs(("dtype", (long)ElementType.Int64))), Is.EqualTo(Of(ElementType.Int64, 3, 1)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void Multinomial_BadRankOrDtype_ReportsHALO2005()
    {
        var g = new MathGraph(22);
        g.Type("Multinomial", [g.Input(ElementType.Float, 10)]);
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
        var h = new MathGraph(22);
        h.Type("Multinomial", [h.Input(ElementType.Float, 2, 10)], Attrs(("dtype", (long)ElementType.Float)));
        Assert.That(h.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }
}
