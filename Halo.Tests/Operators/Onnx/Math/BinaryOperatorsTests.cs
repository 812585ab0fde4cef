using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Math.MathGraph;

namespace Halo.Tests.Operators.Onnx.Math;

[TestFixture]
public sealed class BinaryOperatorsTests
{
    [TestCase("Add")]
    [TestCase("Sub")]
    [TestCase("Mul")]
    [TestCase("Div")]
    public void Arithmetic_Opset14_BroadcastsNumpyStyle(string op)
    {
        var g = new MathGraph(14);
        var y = g.Type(op, [g.Input(ElementType.Int8, Sym("N"), 1, 4), g.Input(ElementType.Int8, 3, 1)]);
        Assert.That(y, Is.EqualTo(Of(ElementType.Int8, Sym("N"), 3, 4)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void Add_IncompatibleShapes_ReportsHALO2005()
    {
        var g = new MathGraph(13);
        var y = g.Type("Add", [g.Input(ElementType.Float, 2, 3), g.Input(ElementType.Float, 4)]);
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
        Assert.That(((TensorType)y).Shape.IsRanked, Is.False);
    }

    [Test]
    public void Add_UnknownAndSymbolicDims_PropagatesWhatIsKnown()
    {
        var g = new MathGraph(13);
        var y = g.Type("Add", [g.Input(ElementType.Float, Dimension.Unknown, Sym("T")), g.Input(ElementType.Float, 5, Sym("T"))]);
        Assert.That(y, Is.EqualTo(Of(ElementType.Float, 5, Sym("T"))));
    }

    [Test]
    public void Add_Opset6BroadcastWithAxis_TakesShapeOfA()
    {
        var g = new MathGraph(6);
        var y = g.Type("Add", [g.Input(ElementType.Float, 2, 3, 4, 5), g.Input(ElementType.Float, 3, 4)],
            Attrs(("broadcast", 1L), ("axis", 1L)));
        Assert.That(y, Is.EqualTo(Of(ElementType.Float, 2, 3, 4, 5)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void Add_Opset6MismatchWithoutBroadcast_ReportsHALO2005()
    {
        var g = new MathGraph(6);
        g.Type("Add", [g.Input(ElementType.Float, 2, 3), g.Input(ElementType.Float, 3)]);
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }

    [Test]
    public void Mul_Opset6SingleElementBWithoutBroadcast_Accepted()
    {
        var g = new MathGraph(6);
        Assert.That(g.Type("Mul", [g.Input(ElementType.Float, 2, 3), g.Input(ElementType.Float)]), Is.EqualTo(Of(ElementType.Float, 2, 3)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void Add_Opset6AxisOutOfPlace_ReportsHALO2005()
    {
        var g = new MathGraph(6);
        g.Type("Add", [g.Input(ElementType.Float, 2, 3), g.Input(ElementType.Float, 3)], Attrs(("broadcast", 1L), ("axis", 0L)));
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }

    private static readonly string[] s_legacyAttributes = ["broadcast", "axis"];

    [Test]
    public void Add_Opset6HugeAxis_ReportsHALO2005()
    {
        var g = new MathGraph(6);
        g.Type("Add", [g.Input(ElementType.Float, 2, 3), g.Input(ElementType.Float, 3)], Attrs(("broadcast", 1L), ("axis", long.MaxValue)));
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
        Assert.That(g.Diagnostics[0].Message, Does.Contain("does not place B"));
    }

    [Test]
    public void Add_Versions_AttributesAndTypesDiffer()
    {
        Assert.That(Schema("Add", 1).Attributes.ContainsKey("consumed_inputs"), Is.True);
        Assert.That(Schema("Add", 6).Attributes.Keys, Is.EquivalentTo(s_legacyAttributes));
        Assert.That(Schema("Add", 7).Attributes, Is.Empty);
        Assert.That(Allowed("Add", 7), Does.Contain("tensor(int32)").And.Not.Contain("tensor(int8)"));
        Assert.That(Allowed("Add", 13), Does.Contain("tensor(bfloat16)").And.Not.Contain("tensor(uint8)"));
        Assert.That(Allowed("Add", 14), Does.Contain("tensor(uint8)"));
    }

    [Test]
    public void Pow_Opset15_ExponentTypeIndependent()
    {
        var g = new MathGraph(15);
        var y = g.Type("Pow", [g.Input(ElementType.Float, 3, 1), g.Input(ElementType.Int64, 4)]);
        Assert.That(y, Is.EqualTo(Of(ElementType.Float, 3, 4)));
        Assert.That(Schema("Pow", 7).Inputs[1].TypeString, Is.EqualTo("T"));
        Assert.That(Schema("Pow", 12).Inputs[1].TypeString, Is.EqualTo("T1"));
    }

    [Test]
    public void Mod_Fmod_Broadcasts()
    {
        var g = new MathGraph(13);
        var y = g.Type("Mod", [g.Input(ElementType.Int32, 6), g.Input(ElementType.Int32, 1)], Attrs(("fmod", 0L)));
        Assert.That(y, Is.EqualTo(Of(ElementType.Int32, 6)));
    }

    [Test]
    public void BitShift_Direction_Validated()
    {
        var g = new MathGraph(11);
        var y = g.Type("BitShift", [g.Input(ElementType.UInt8, 3), g.Input(ElementType.UInt8, 3)], Attrs(("direction", "LEFT")));
        Assert.That(y, Is.EqualTo(Of(ElementType.UInt8, 3)));
        Assert.That(g.Diagnostics, Is.Empty);
        g.Type("BitShift", [g.Input(ElementType.UInt8, 3), g.Input(ElementType.UInt8, 3)], Attrs(("direction", "UP")));
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }

    [TestCase("BitwiseAnd")]
    [TestCase("BitwiseOr")]
    [TestCase("BitwiseXor")]
    public void Bitwise_Opset18_Broadcasts(string op)
    {
        var g = new MathGraph(18);
        Assert.That(g.Type(op, [g.Input(ElementType.Int16, 2, 1), g.Input(ElementType.Int16, 5)]), Is.EqualTo(Of(ElementType.Int16, 2, 5)));
    }

    [TestCase("And", 7)]
    [TestCase("Or", 7)]
    [TestCase("Xor", 1)]
    public void Logical_BoolInputs_GiveBool(string op, long opset)
    {
        var g = new MathGraph(opset);
        var y = g.Type(op, [g.Input(ElementType.Bool, 3, 4), g.Input(ElementType.Bool, 3, 4)]);
        Assert.That(y, Is.EqualTo(Of(ElementType.Bool, 3, 4)));
        Assert.That(g.Diagnostics, Is.Empty);
    }
}
