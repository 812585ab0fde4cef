using NUnit.Framework;
using Halo.Core.IR.Types;
using static Halo.Tests.Operators.Onnx.Math.MathGraph;

namespace Halo.Tests.Operators.Onnx.Math;

[TestFixture]
public sealed class UnaryOperatorsTests
{
    [TestCase("Abs")]
    [TestCase("Sqrt")]
    [TestCase("Exp")]
    [TestCase("Erf")]
    [TestCase("Sin")]
    [TestCase("Acosh")]
    [TestCase("Round")]
    [TestCase("Sign")]
    public void Unary_SymbolicShape_KeepsTypeAndShape(string op)
    {
        var g = new MathGraph(22);
        var y = g.Type(op, [g.Input(ElementType.Float, Sym("N"), 3, Dimension.Unknown)]);
        Assert.That(y, Is.EqualTo(Of(ElementType.Float, Sym("N"), 3, Dimension.Unknown)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void Neg_UnrankedInput_StaysUnranked()
    {
        var g = new MathGraph(13);
        Assert.That(g.Type("Neg", [g.Unranked(ElementType.Int32)]), Is.EqualTo(new TensorType(ElementType.Int32, Shape.Unranked)));
    }

    [Test]
    public void IsNaN_FloatInput_GivesBool()
    {
        var g = new MathGraph(20);
        Assert.That(g.Type("IsNaN", [g.Input(ElementType.Float16, 2, Sym("S"))]), Is.EqualTo(Of(ElementType.Bool, 2, Sym("S"))));
    }

    [Test]
    public void IsInf_Opset10_GivesBoolWithDetectAttributes()
    {
        var g = new MathGraph(10);
        var y = g.Type("IsInf", [g.Input(ElementType.Double, 4)], Attrs(("detect_negative", 0L)));
        Assert.That(y, Is.EqualTo(Of(ElementType.Bool, 4)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void Not_Bool_KeepsShape()
    {
        var g = new MathGraph(1);
        Assert.That(g.Type("Not", [g.Input(ElementType.Bool, 2, 2)]), Is.EqualTo(Of(ElementType.Bool, 2, 2)));
    }

    [Test]
    public void Abs_Versions_TypeConstraintsWiden()
    {
        Assert.That(Schema("Abs", 1).Attributes.ContainsKey("consumed_inputs"), Is.True);
        Assert.That(Allowed("Abs", 1), Does.Not.Contain("tensor(int32)"));
        Assert.That(Schema("Abs", 12).Id.SinceVersion, Is.EqualTo(6));
        Assert.That(Allowed("Abs", 12), Does.Contain("tensor(int32)").And.Not.Contain("tensor(bfloat16)"));
        Assert.That(Allowed("Abs", 13), Does.Contain("tensor(bfloat16)"));
    }

    [Test]
    public void BitwiseNot_Opset18_IntegersOnly()
    {
        Assert.That(Allowed("BitwiseNot", 18), Does.Contain("tensor(uint8)").And.Not.Contain("tensor(float)"));
    }

    [Test]
    public void Trigonometry_Opset22_AddsBFloat16()
    {
        Assert.That(Allowed("Cos", 21), Does.Not.Contain("tensor(bfloat16)"));
        Assert.That(Allowed("Cos", 22), Does.Contain("tensor(bfloat16)"));
    }
}
