using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.NeuralNetwork.NnGraph;

namespace Halo.Tests.Operators.Onnx.NeuralNetwork;

/// <summary>Attention and RotaryEmbedding inference.</summary>
[TestFixture]
public sealed class AttentionOperatorsTests
{
    [Test]
    public void Attention_FourDimensional_UsesValueHeadSize()
    {
        var g = new NnGraph(23);
        var y = g.Run1("Attention", [g.In(F(2, 3, 4, 8)), g.In(F(2, 3, 6, 8)), g.In(F(2, 3, 6, 10))]);
        Assert.That(y, Is.EqualTo(F(2, 3, 4, 10)));
    }

    [Test]
    public void Attention_ThreeDimensionalWithPast_GivesCachesAndQk()
    {
        var g = new NnGraph(23);
        var ys = g.Run("Attention", [g.In(F(Sym("B"), 4, 24)), g.In(F(Sym("B"), 6, 12)), g.In(F(Sym("B"), 6, 12)),
            None, g.In(F(Sym("B"), 3, 5, 4)), g.In(F(Sym("B"), 3, 5, 4))], 4, null, ("q_num_heads", 6L), ("kv_num_heads", 3L));
        Assert.That(ys[0], Is.EqualTo(F(Sym("B"), 4, 24)));
        Assert.That(ys[1], Is.EqualTo(F(Sym("B"), 3, 11, 4)));
        Assert.That(ys[2], Is.EqualTo(F(Sym("B"), 3, 11, 4)));
        Assert.That(ys[3], Is.EqualTo(F(Sym("B"), 6, 4, 11)));
    }

    [Test]
    public void Attention_ThreeDimensionalWithoutHeadCounts_Fails()
    {
        var g = new NnGraph(23);
        g.Run1("Attention", [g.In(F(2, 4, 24)), g.In(F(2, 6, 24)), g.In(F(2, 6, 24))]);
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void Attention_MixedRanks_Fails()
    {
        var g = new NnGraph(23);
        g.Run1("Attention", [g.In(F(2, 3, 4, 8)), g.In(F(2, 6, 24)), g.In(F(2, 6, 24))]);
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void RotaryEmbedding_KeepsShape()
    {
        var g = new NnGraph(23);
        var y = g.Run1("RotaryEmbedding", [g.In(F(Sym("B"), 3, 8)), g.In(F(50, 4)), g.In(F(50, 4))], ("num_heads", 1L));
        Assert.That(y, Is.EqualTo(F(Sym("B"), 3, 8)));
        g.Run1("RotaryEmbedding", [g.In(F(3, 8)), g.In(F(50, 4)), g.In(F(50, 4))]);
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void Attention_UnknownDims_StayUnknown()
    {
        var g = new NnGraph(23);
        var ys = g.Run("Attention", [g.In(F(Unk, 3, Unk, 8)), g.In(F(Unk, 3, Unk, 8)), g.In(F(Unk, 3, Unk, Unk))], 2);
        Assert.That(ys[0], Is.EqualTo(F(Unk, 3, Unk, Unk)));
        Assert.That(ys[1], Is.EqualTo(F(Unk, 3, Unk, 8)));
        Assert.That(g.Diagnostics, Is.Empty);
    }
}
