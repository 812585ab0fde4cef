using Halo.Core.Operators;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.NeuralNetwork.NnGraph;

namespace Halo.Tests.Operators.Onnx.NeuralNetwork;

/// <summary>RNN, GRU and LSTM output shapes and version signatures.</summary>
[TestFixture]
public sealed class RecurrentOperatorsTests
{
    [Test]
    public void LSTM_AllOutputs_HaveSequenceAndStateShapes()
    {
        var g = new NnGraph(14);
        var ys = g.Run("LSTM", [g.In(F(Sym("S"), Sym("B"), 10)), g.In(F(1, 28, 10)), g.In(F(1, 28, 7))], 3, null, ("hidden_size", 7L));
        Assert.That(ys[0], Is.EqualTo(F(Sym("S"), 1, Sym("B"), 7)));
        Assert.That(ys[1], Is.EqualTo(F(1, Sym("B"), 7)));
        Assert.That(ys[2], Is.EqualTo(F(1, Sym("B"), 7)));
    }

    [Test]
    public void LSTM_BatchMajorLayout_PutsBatchFirst()
    {
        var g = new NnGraph(22);
        var ys = g.Run("LSTM", [g.In(F(3, 5, 10)), g.In(F(2, 28, 10)), g.In(F(2, 28, 7))], 2, null,
            ("layout", 1L), ("direction", "bidirectional"));
        Assert.That(ys[0], Is.EqualTo(F(3, 5, 2, 7)));
        Assert.That(ys[1], Is.EqualTo(F(3, 2, 7)));
    }

    [Test]
    public void GRU_OmittedY_StillInfersYh()
    {
        var g = new NnGraph(7);
        var ys = g.Run("GRU", [g.In(F(4, 2, 3)), g.In(F(1, 15, 3)), g.In(F(1, 15, 5))], 2);
        Assert.That(ys[1], Is.EqualTo(F(1, 2, 5)));
    }

    [Test]
    public void GRU_Versions_AddLinearBeforeResetThenLayout()
    {
        OperatorRegistry.Default.TryResolve("", "GRU", 1, out var v1);
        OperatorRegistry.Default.TryResolve("", "GRU", 3, out var v3);
        OperatorRegistry.Default.TryResolve("", "GRU", 7, out var v7);
        OperatorRegistry.Default.TryResolve("", "GRU", 14, out var v14);
        Assert.That(v1!.Attributes.ContainsKey("linear_before_reset"), Is.False);
        Assert.That(v1.Attributes.ContainsKey("output_sequence"), Is.True);
        Assert.That(v3!.Attributes.ContainsKey("linear_before_reset"), Is.True);
        Assert.That(v3.Attributes.ContainsKey("output_sequence"), Is.True);
        Assert.That(v7!.Attributes.ContainsKey("output_sequence"), Is.False);
        Assert.That(v7.Attributes.ContainsKey("layout"), Is.False);
        Assert.That(v14!.Attributes.ContainsKey("layout"), Is.True);
    }

    [Test]
    public void RNN_UnknownInputs_GiveRankFourAndThree()
    {
        var g = new NnGraph(22);
        var ys = g.Run("RNN", [g.In(Unranked()), g.In(Unranked()), g.In(Unranked())], 2);
        Assert.That(ys[0], Is.EqualTo(F(Unk, 1, Unk, Unk)));
        Assert.That(ys[1], Is.EqualTo(F(1, Unk, Unk)));
    }

    [Test]
    public void RNN_DirectionMismatch_Fails()
    {
        var g = new NnGraph(7);
        g.Run("RNN", [g.In(F(4, 2, 3)), g.In(F(2, 5, 3)), g.In(F(2, 5, 5))], 2);
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void LSTM_HiddenSizeDisagreesWithR_Fails()
    {
        var g = new NnGraph(1);
        g.Run("LSTM", [g.In(F(4, 2, 3)), g.In(F(1, 20, 3)), g.In(F(1, 20, 5))], 2, null, ("hidden_size", 4L));
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void LSTM_Versions_DropOutputSequenceThenAddLayout()
    {
        OperatorRegistry.Default.TryResolve("", "LSTM", 6, out var v1);
        OperatorRegistry.Default.TryResolve("", "LSTM", 13, out var v7);
        OperatorRegistry.Default.TryResolve("", "LSTM", 22, out var v22);
        Assert.That(v1!.Attributes.ContainsKey("output_sequence"), Is.True);
        Assert.That(v7!.Attributes.ContainsKey("output_sequence"), Is.False);
        Assert.That(v7.Attributes.ContainsKey("layout"), Is.False);
        Assert.That(v22!.Attributes.ContainsKey("layout"), Is.True);
        Assert.That(v22.Inputs, Has.Length.EqualTo(8));
        Assert.That(v22.Outputs, Has.Length.EqualTo(3));
    }
}
