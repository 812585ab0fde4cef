using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Math.MathGraph;

namespace Halo.Tests.Operators.Onnx.Math;

[TestFixture]
public sealed class ComparisonOperatorsTests
{
    [TestCase("Equal", 19)]
    [TestCase("Greater", 13)]
    [TestCase("GreaterOrEqual", 16)]
    [TestCase("Less", 9)]
    [TestCase("LessOrEqual", 12)]
    public void Comparison_Broadcast_GivesBool(string op, long opset)
    {
        var g = new MathGraph(opset);
        var y = g.Type(op, [g.Input(ElementType.Float, Sym("B"), 1), g.Input(ElementType.Float, 7)]);
        Assert.That(y, Is.EqualTo(Of(ElementType.Bool, Sym("B"), 7)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void Greater_Opset1Legacy_TakesShapeOfA()
    {
        var g = new MathGraph(1);
        var y = g.Type("Greater", [g.Input(ElementType.Float, 2, 3), g.Input(ElementType.Float, 3)], Attrs(("broadcast", 1L)));
        Assert.That(y, Is.EqualTo(Of(ElementType.Bool, 2, 3)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void Less_Incompatible_ReportsHALO2005()
    {
        var g = new MathGraph(13);
        g.Type("Less", [g.Input(ElementType.Int64, 2), g.Input(ElementType.Int64, 3)]);
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }

    private static readonly string[] s_equal7 = ["tensor(bool)", "tensor(int32)", "tensor(int64)"];

    [Test]
    public void Equal_Versions_TypeListsGrow()
    {
        Assert.That(Allowed("Equal", 10), Is.EquivalentTo(s_equal7));
        Assert.That(Allowed("Equal", 11), Does.Contain("tensor(float)").And.Not.Contain("tensor(bfloat16)"));
        Assert.That(Allowed("Equal", 18), Does.Contain("tensor(bfloat16)").And.Not.Contain("tensor(string)"));
        Assert.That(Allowed("Equal", 19), Does.Contain("tensor(string)"));
    }
}
