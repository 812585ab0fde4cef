using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Math.MathGraph;

namespace Halo.Tests.Operators.Onnx.Math;

[TestFixture]
public sealed class ActivationOperatorsTests
{
    [TestCase("Relu", 14)]
    [TestCase("LeakyRelu", 16)]
    [TestCase("Elu", 22)]
    [TestCase("Selu", 6)]
    [TestCase("Celu", 12)]
    [TestCase("Gelu", 20)]
    [TestCase("HardSigmoid", 22)]
    [TestCase("HardSwish", 14)]
    [TestCase("Mish", 18)]
    [TestCase("Softplus", 1)]
    [TestCase("Softsign", 22)]
    [TestCase("ThresholdedRelu", 10)]
    [TestCase("Shrink", 9)]
    [TestCase("Sigmoid", 13)]
    [TestCase("Tanh", 6)]
    public void Activation_SymbolicShape_SameAsInput(string op, long opset)
    {
        var g = new MathGraph(opset);
        var y = g.Type(op, [g.Input(ElementType.Float, Sym("N"), Dimension.Unknown, 8)]);
        Assert.That(y, Is.EqualTo(Of(ElementType.Float, Sym("N"), Dimension.Unknown, 8)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void Relu_Opset14_AllowsSignedIntegers()
    {
        Assert.That(Allowed("Relu", 13), Does.Not.Contain("tensor(int8)"));
        Assert.That(Allowed("Relu", 14), Does.Contain("tensor(int8)").And.Not.Contain("tensor(uint8)"));
    }

    [Test]
    public void Selu_Defaults_MatchSpecification()
    {
        var schema = Schema("Selu", 22);
        Assert.That(schema.Attributes["alpha"].Default!.AsFloat(), Is.EqualTo(1.6732632f).Within(1e-6f));
        Assert.That(schema.Attributes["gamma"].Default!.AsFloat(), Is.EqualTo(1.0507010f).Within(1e-6f));
    }

    [Test]
    public void Selu_Opset1_HasRoundedDefaults()
    {
        Assert.That(Schema("Selu", 5).Attributes["alpha"].Default!.AsFloat(), Is.EqualTo(1.6732f));
        Assert.That(Schema("Selu", 5).Attributes.ContainsKey("consumed_inputs"), Is.True);
        Assert.That(Schema("Selu", 6).Attributes.ContainsKey("consumed_inputs"), Is.False);
    }

    [Test]
    public void Gelu_UnknownApproximation_ReportsHALO2005()
    {
        var g = new MathGraph(20);
        g.Type("Gelu", [g.Input(ElementType.Float, 3)], Attrs(("approximate", "erf")));
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }

    [Test]
    public void Clip_Opset6_BoundsAreAttributes()
    {
        var g = new MathGraph(6);
        var y = g.Type("Clip", [g.Input(ElementType.Float, 2, 3)], Attrs(("min", 0f), ("max", 6f)));
        Assert.That(y, Is.EqualTo(Of(ElementType.Float, 2, 3)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void Clip_Opset13_BoundsAreOptionalInputs()
    {
        var g = new MathGraph(13);
        var x = g.Input(ElementType.Int32, Sym("N"), 3);
        var y = g.Type("Clip", [x, default, g.Input(ElementType.Int32)]);
        Assert.That(y, Is.EqualTo(Of(ElementType.Int32, Sym("N"), 3)));
        Assert.That(g.Diagnostics, Is.Empty);
        Assert.That(Allowed("Clip", 11), Does.Not.Contain("tensor(int32)"));
    }

    [Test]
    public void Clip_NonScalarBound_ReportsHALO2005()
    {
        var g = new MathGraph(12);
        g.Type("Clip", [g.Input(ElementType.Float, 4), g.Input(ElementType.Float, 2)]);
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }
}
