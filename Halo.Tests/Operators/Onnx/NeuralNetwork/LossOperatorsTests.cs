using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.NeuralNetwork.NnGraph;

namespace Halo.Tests.Operators.Onnx.NeuralNetwork;

/// <summary>Loss operators and TfIdfVectorizer inference.</summary>
[TestFixture]
public sealed class LossOperatorsTests
{
    [Test]
    public void NegativeLogLikelihoodLoss_ReductionNone_HasTargetShape()
    {
        var g = new NnGraph(13);
        var y = g.Run1("NegativeLogLikelihoodLoss", [g.In(F(Sym("N"), 5, 2)), g.In(new TensorType(ElementType.Int64, Shape.Of(Sym("N"), 2)))],
            ("reduction", "none"));
        Assert.That(y, Is.EqualTo(F(Sym("N"), 2)));
    }

    [Test]
    public void NegativeLogLikelihoodLoss_DefaultMean_IsScalar()
    {
        var g = new NnGraph(22);
        var y = g.Run1("NegativeLogLikelihoodLoss", [g.In(F(3, 5)), g.In(T(ElementType.Int32, 3)), g.In(F(5))]);
        Assert.That(y, Is.EqualTo(FScalar));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void NegativeLogLikelihoodLoss_TargetMismatch_Fails()
    {
        var g = new NnGraph(13);
        g.Run1("NegativeLogLikelihoodLoss", [g.In(F(3, 5, 2)), g.In(T(ElementType.Int64, 3, 5))]);
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void SoftmaxCrossEntropyLoss_LogProb_HasScoresShape()
    {
        var g = new NnGraph(13);
        var ys = g.Run("SoftmaxCrossEntropyLoss", [g.In(F(3, 5)), g.In(T(ElementType.Int64, 3))], 2, null, ("reduction", "sum"));
        Assert.That(ys[0], Is.EqualTo(FScalar));
        Assert.That(ys[1], Is.EqualTo(F(3, 5)));
    }

    [Test]
    public void SoftmaxCrossEntropyLoss_BadReduction_Fails()
    {
        var g = new NnGraph(12);
        g.Run1("SoftmaxCrossEntropyLoss", [g.In(F(3, 5)), g.In(T(ElementType.Int64, 3))], ("reduction", "max"));
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void TfIdfVectorizer_BatchInput_GivesFloatCounts()
    {
        var g = new NnGraph(9);
        var y = g.Run1("TfIdfVectorizer", [g.In(T(ElementType.Int32, 2, 6))], ("max_gram_length", 2L), ("max_skip_count", 0L),
            ("min_gram_length", 2L), ("mode", "TF"), ("ngram_counts", new long[] { 0, 4 }),
            ("ngram_indexes", new long[] { 0, 1, 2, 3, 4, 5, 6 }), ("pool_int64s", new long[] { 2, 3, 5, 4, 5, 6, 7, 8, 6, 7 }));
        Assert.That(y, Is.EqualTo(F(2, 7)));
        g.Run1("TfIdfVectorizer", [g.In(T(ElementType.Int32, 6))], ("max_gram_length", 2L), ("max_skip_count", 0L),
            ("min_gram_length", 2L), ("mode", "BM25"), ("ngram_counts", new long[] { 0 }), ("ngram_indexes", new long[] { 0 }));
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void NegativeLogLikelihoodLoss_UnrankedTarget_DropsClassAxisOfInput()
    {
        var g = new NnGraph(13);
        var y = g.Run1("NegativeLogLikelihoodLoss", [g.In(F(Unk, 5, 4)), g.In(Unranked(ElementType.Int64))], ("reduction", "none"));
        Assert.That(y, Is.EqualTo(F(Unk, 4)));
    }
}
