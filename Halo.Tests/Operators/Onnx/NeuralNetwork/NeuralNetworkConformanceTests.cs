using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using NUnit.Framework;

namespace Halo.Tests.Operators.Onnx.NeuralNetwork;

/// <summary>Checks inferred shapes against the reference outputs of the ONNX conformance cases of this family.</summary>
[TestFixture]
[Category("Conformance")]
public sealed class NeuralNetworkConformanceTests
{
    private static readonly HashSet<string> s_operators =
    [
        "Conv", "ConvTranspose", "DeformConv", "AveragePool", "MaxPool", "LpPool", "GlobalAveragePool", "GlobalMaxPool",
        "GlobalLpPool", "MaxUnpool", "MaxRoiPool", "RoiAlign", "BatchNormalization", "InstanceNormalization",
        "LayerNormalization", "GroupNormalization", "RMSNormalization", "LRN", "LpNormalization",
        "MeanVarianceNormalization", "RNN", "GRU", "LSTM", "NonMaxSuppression", "GridSample", "AffineGrid", "DFT", "STFT",
        "HannWindow", "HammingWindow", "BlackmanWindow", "MelWeightMatrix", "Attention", "RotaryEmbedding", "ImageDecoder",
        "TfIdfVectorizer", "NegativeLogLikelihoodLoss", "SoftmaxCrossEntropyLoss", "ai.onnx.ml:ArrayFeatureExtractor",
        "ai.onnx.ml:Binarizer", "ai.onnx.ml:LabelEncoder", "ai.onnx.ml:TreeEnsemble", "ai.onnx.preview.training:Adagrad",
        "ai.onnx.preview.training:Adam", "ai.onnx.preview.training:Momentum", "ai.onnx.preview.training:Gradient",
    ];

    private static string? CorpusDirectory()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Halo.sln")))
            {
                string corpus = Path.Combine(dir.FullName, "..", "shared", "corpora", "onnx-node");
                return Directory.Exists(corpus) ? corpus : null;
            }
        }
        return null;
    }

    private static IEnumerable<TestCaseData> Cases()
    {
        if (CorpusDirectory() is not { } root)
        {
            yield break;
        }
        foreach (string dir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(dir, "model.onnx")) && OnnxNodeCase.Load(dir, s_operators.Contains) is { } c)
            {
                yield return new TestCaseData(c.Name).SetName("Infer_" + c.Name + "_MatchesReferenceShapes");
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Infer_ConformanceCase_MatchesReferenceShapes(string caseName)
    {
        var c = OnnxNodeCase.Load(Path.Combine(CorpusDirectory()!, caseName), _ => true)!;
        var builder = new GraphBuilder(opsets: c.Opsets);
        var inputs = new List<ValueRef>();
        for (int i = 0; i < c.Inputs.Count; i++)
        {
            inputs.Add(c.Inputs[i] switch
            {
                null => default,
                TensorData data => builder.AddConstant("c" + i, data),
                IrType type => builder.AddInput("x" + i, type),
                _ => throw new InvalidOperationException(),
            });
        }
        var outputs = builder.AddOp(c.Op, [.. inputs], c.Attributes, c.Outputs.Count, c.Domain);
        Assert.That(builder.Diagnostics, Is.Empty);
        for (int o = 0; o < outputs.Length; o++)
        {
            if (c.Outputs[o].Dims is not { } expected)
            {
                continue;
            }
            var actual = (TensorType)outputs[o].Type;
            Assert.That(actual.ElementType, Is.EqualTo(c.Outputs[o].Type), $"output {o} element type");
            if (!actual.Shape.IsRanked)
            {
                continue;
            }
            Assert.That(actual.Shape.Rank, Is.EqualTo(expected.Length), $"output {o} rank of {actual.Shape}");
            for (int d = 0; d < expected.Length; d++)
            {
                Assert.That(!actual.Shape[d].IsStatic || actual.Shape[d].Value == expected[d], Is.True,
                    $"output {o}: inferred {actual.Shape}, reference [{string.Join(",", expected)}]");
            }
        }
    }
}
