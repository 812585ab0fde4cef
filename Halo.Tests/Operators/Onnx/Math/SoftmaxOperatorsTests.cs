using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Math.MathGraph;

namespace Halo.Tests.Operators.Onnx.Math;

[TestFixture]
public sealed class SoftmaxOperatorsTests
{
    [TestCase("Softmax")]
    [TestCase("LogSoftmax")]
    [TestCase("Hardmax")]
    public void Softmax_Opset13_SameShape(string op)
    {
        var g = new MathGraph(13);
        Assert.That(g.Type(op, [g.Input(ElementType.Float, Sym("N"), 10)]), Is.EqualTo(Of(ElementType.Float, Sym("N"), 10)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void Softmax_Opset11FlattenAxis_SameShape()
    {
        var g = new MathGraph(11);
        Assert.That(g.Type("Softmax", [g.Input(ElementType.Float, 2, 3, 4)], Attrs(("axis", 2L))), Is.EqualTo(Of(ElementType.Float, 2, 3, 4)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void Softmax_AxisCheck_Opset1LenientOpset11Strict()
    {
        var g = new MathGraph(1);
        Assert.That(g.Type("Softmax", [g.Input(ElementType.Float, 4)]), Is.EqualTo(Of(ElementType.Float, 4)));
        Assert.That(g.Diagnostics, Is.Empty);
        var h = new MathGraph(11);
        h.Type("Softmax", [h.Input(ElementType.Float, 4)]);
        Assert.That(h.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }

    [Test]
    public void Softmax_DefaultAxis_DiffersBetweenVersions()
    {
        Assert.That(Schema("Softmax", 12).Attributes["axis"].Default!.AsInt(), Is.EqualTo(1));
        Assert.That(Schema("Softmax", 13).Attributes["axis"].Default!.AsInt(), Is.EqualTo(-1));
    }

    [Test]
    public void Softmax_AxisOutOfRange_ReportsHALO2005()
    {
        var g = new MathGraph(13);
        g.Type("Softmax", [g.Input(ElementType.Float, 2, 3)], Attrs(("axis", 2L)));
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }
}
