using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.NeuralNetwork.NnGraph;

namespace Halo.Tests.Operators.Onnx.NeuralNetwork;

/// <summary>ai.onnx.preview.training optimizer and Gradient inference.</summary>
[TestFixture]
public sealed class TrainingOperatorsTests
{
    private const string Training = "ai.onnx.preview.training";

    [Test]
    public void Adam_TwoTensors_OutputsFollowInputGroups()
    {
        var g = new NnGraph(1, Training);
        var x1 = g.In(F(2));
        var x2 = g.In(T(ElementType.Double, 3, 4));
        var ys = g.Run("Adam", [g.In(FScalar), g.In(T(ElementType.Int64)), x1, x2, x1, x2, x1, x2, x1, x2], 6, Training);
        Assert.That(ys[0], Is.EqualTo(F(2)));
        Assert.That(ys[1], Is.EqualTo(T(ElementType.Double, 3, 4)));
        Assert.That(ys[4], Is.EqualTo(F(2)));
        Assert.That(ys[5], Is.EqualTo(T(ElementType.Double, 3, 4)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void Adagrad_NewStateTakesAccumulatorType()
    {
        var g = new NnGraph(1, Training);
        var ys = g.Run("Adagrad", [g.In(FScalar), g.In(T(ElementType.Int64)), g.In(F(3)), g.In(F(3)), g.In(T(ElementType.Double, 3))], 2, Training);
        Assert.That(ys[0], Is.EqualTo(F(3)));
        Assert.That(ys[1], Is.EqualTo(T(ElementType.Double, 3)));
    }

    [Test]
    public void Momentum_UnevenGroups_Fails()
    {
        var g = new NnGraph(1, Training);
        g.Run("Momentum", [g.In(FScalar), g.In(T(ElementType.Int64)), g.In(F(3)), g.In(F(3))], 2, Training,
            ("alpha", 0.9f), ("beta", 0.1f), ("mode", "standard"), ("norm_coefficient", 0.0f));
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void Gradient_OutputsFollowDifferentiatedInputs()
    {
        var g = new NnGraph(1, Training);
        var ys = g.Run("Gradient", [g.In(F(2, 2)), g.In(T(ElementType.Double, 5)), g.In(F(7))], 2, Training,
            ("xs", S("a", "b")), ("zs", S("c")), ("y", "out"));
        Assert.That(ys[0], Is.EqualTo(F(2, 2)));
        Assert.That(ys[1], Is.EqualTo(T(ElementType.Double, 5)));
    }

    [Test]
    public void Gradient_OutputCountDiffersFromXs_Fails()
    {
        var g = new NnGraph(1, Training);
        g.Run("Gradient", [g.In(F(2, 2))], 2, Training, ("xs", S("a")), ("y", "out"));
        Assert.That(g.Failed, Is.True);
    }
}
