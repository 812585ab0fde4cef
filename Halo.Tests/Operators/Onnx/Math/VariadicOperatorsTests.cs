using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Math.MathGraph;

namespace Halo.Tests.Operators.Onnx.Math;

[TestFixture]
public sealed class VariadicOperatorsTests
{
    [TestCase("Max")]
    [TestCase("Min")]
    [TestCase("Mean")]
    [TestCase("Sum")]
    public void Variadic_ThreeOperands_Broadcast(string op)
    {
        var g = new MathGraph(13);
        var y = g.Type(op, [g.Input(ElementType.Float, 3, 1), g.Input(ElementType.Float, 1, 4), g.Input(ElementType.Float, Sym("K"), 1, 1)]);
        Assert.That(y, Is.EqualTo(Of(ElementType.Float, Sym("K"), 3, 4)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void Sum_SingleOperand_SameShape()
    {
        var g = new MathGraph(8);
        Assert.That(g.Type("Sum", [g.Input(ElementType.Double, 2, 2)]), Is.EqualTo(Of(ElementType.Double, 2, 2)));
    }

    [Test]
    public void Sum_Opset6_TakesFirstOperandShape()
    {
        var g = new MathGraph(6);
        Assert.That(g.Type("Sum", [g.Input(ElementType.Float, Sym("N"), 3), g.Input(ElementType.Float, Sym("N"), 3)]),
            Is.EqualTo(Of(ElementType.Float, Sym("N"), 3)));
        Assert.That(Schema("Sum", 7).Id.SinceVersion, Is.EqualTo(6));
        Assert.That(Schema("Sum", 8).Id.SinceVersion, Is.EqualTo(8));
    }

    [Test]
    public void Max_Incompatible_ReportsHALO2005()
    {
        var g = new MathGraph(12);
        g.Type("Max", [g.Input(ElementType.Int32, 3), g.Input(ElementType.Int32, 4)]);
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }

    [Test]
    public void Where_ThreeWayBroadcast_KeepsValueType()
    {
        var g = new MathGraph(16);
        var y = g.Type("Where", [g.Input(ElementType.Bool, 2, 1), g.Input(ElementType.Int64, 1, 3), g.Input(ElementType.Int64)]);
        Assert.That(y, Is.EqualTo(Of(ElementType.Int64, 2, 3)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void PRelu_SlopeBroadcastsToX_KeepsXShape()
    {
        var g = new MathGraph(16);
        var y = g.Type("PRelu", [g.Input(ElementType.Float, Sym("N"), 3, 5, 5), g.Input(ElementType.Float, 3, 1, 1)]);
        Assert.That(y, Is.EqualTo(Of(ElementType.Float, Sym("N"), 3, 5, 5)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void PRelu_SlopeNotBroadcastable_ReportsHALO2005()
    {
        var g = new MathGraph(9);
        g.Type("PRelu", [g.Input(ElementType.Float, 2, 3), g.Input(ElementType.Float, 4)]);
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }

    [Test]
    public void PRelu_Opset6ChannelSlope_Accepted()
    {
        var g = new MathGraph(6);
        var y = g.Type("PRelu", [g.Input(ElementType.Float, 1, 3, 4, 5), g.Input(ElementType.Float, 3)]);
        Assert.That(y, Is.EqualTo(Of(ElementType.Float, 1, 3, 4, 5)));
        Assert.That(g.Diagnostics, Is.Empty);
    }
}
