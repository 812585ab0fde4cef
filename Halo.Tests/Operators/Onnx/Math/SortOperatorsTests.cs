using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Math.MathGraph;

namespace Halo.Tests.Operators.Onnx.Math;

[TestFixture]
public sealed class SortOperatorsTests
{
    [Test]
    public void CumSum_ConstantAxis_SameShape()
    {
        var g = new MathGraph(14);
        var y = g.Type("CumSum", [g.Input(ElementType.Float, Sym("N"), 5), g.Scalar(1)], Attrs(("exclusive", 1L)));
        Assert.That(y, Is.EqualTo(Of(ElementType.Float, Sym("N"), 5)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void CumSum_AxisOutOfRange_ReportsHALO2005()
    {
        var g = new MathGraph(11);
        g.Type("CumSum", [g.Input(ElementType.Int32, 5), g.Scalar(3)]);
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }

    [Test]
    public void TopK_Opset1KAttribute_ReplacesAxisDim()
    {
        var g = new MathGraph(1);
        var outs = g.Op("TopK", [g.Input(ElementType.Float, Sym("N"), 10)], Attrs(("k", 3L)), outputs: 2);
        Assert.That(outs[0].Type, Is.EqualTo(Of(ElementType.Float, Sym("N"), 3)));
        Assert.That(outs[1].Type, Is.EqualTo(Of(ElementType.Int64, Sym("N"), 3)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void TopK_Opset1ZeroK_ReportsHALO2005()
    {
        var g = new MathGraph(1);
        g.Op("TopK", [g.Input(ElementType.Float, 4, 10)], Attrs(("k", 0L)), outputs: 2);
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }

    [Test]
    public void TopK_Opset11KInput_ReplacesAxisDim()
    {
        var g = new MathGraph(11);
        var outs = g.Op("TopK", [g.Input(ElementType.Int32, 4, 10), g.Ints(2)], Attrs(("axis", 0L), ("largest", 0L)), outputs: 2);
        Assert.That(outs[0].Type, Is.EqualTo(Of(ElementType.Int32, 2, 10)));
        Assert.That(outs[1].Type, Is.EqualTo(Of(ElementType.Int64, 2, 10)));
    }

    [Test]
    public void TopK_Opset10UnknownK_UnknownAxisDim()
    {
        var g = new MathGraph(10);
        var outs = g.Op("TopK", [g.Input(ElementType.Float, 4, 10), g.Input(ElementType.Int64, 1)], outputs: 2);
        Assert.That(outs[0].Type, Is.EqualTo(Of(ElementType.Float, 4, Dimension.Unknown)));
        Assert.That(Schema("TopK", 10).Attributes.ContainsKey("largest"), Is.False);
        Assert.That(Schema("TopK", 11).Attributes.ContainsKey("largest"), Is.True);
    }

    [Test]
    public void TopK_KLargerThanAxis_ReportsHALO2005()
    {
        var g = new MathGraph(11);
        g.Op("TopK", [g.Input(ElementType.Float, 4, 3), g.Ints(5)], outputs: 2);
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }
}
