using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators;
using NUnit.Framework;

namespace Halo.Tests.Operators.Onnx.NeuralNetwork;

/// <summary>Feeds every schema of this family random operands, attributes and result counts: inference must report
/// problems itself, never through an exception (overflow from absurd sizes is the one accepted catch-all).</summary>
[TestFixture]
public sealed class NeuralNetworkRobustnessTests
{
    private static readonly string[] s_strings = ["", "NOTSET", "SAME_UPPER", "VALID", "bidirectional", "none", "SPARSE", "x"];

    private static readonly HashSet<string> s_operators =
    [
        "Conv", "ConvTranspose", "DeformConv", "AveragePool", "MaxPool", "LpPool", "GlobalAveragePool", "GlobalMaxPool",
        "GlobalLpPool", "MaxUnpool", "MaxRoiPool", "RoiAlign", "BatchNormalization", "InstanceNormalization",
        "LayerNormalization", "GroupNormalization", "RMSNormalization", "LRN", "LpNormalization", "MeanVarianceNormalization",
        "RNN", "GRU", "LSTM", "NonMaxSuppression", "GridSample", "AffineGrid", "DFT", "STFT", "HannWindow", "HammingWindow",
        "BlackmanWindow", "MelWeightMatrix", "Attention", "RotaryEmbedding", "ImageDecoder", "TfIdfVectorizer",
        "NegativeLogLikelihoodLoss", "SoftmaxCrossEntropyLoss", "ArrayFeatureExtractor", "Binarizer", "LabelEncoder",
        "TreeEnsemble", "TreeEnsembleClassifier", "TreeEnsembleRegressor", "Scaler", "Normalizer", "OneHotEncoder", "ZipMap",
        "LinearClassifier", "LinearRegressor", "SVMClassifier", "SVMRegressor", "Imputer", "FeatureVectorizer", "CastMap",
        "DictVectorizer", "CategoryMapper", "Adagrad", "Adam", "Momentum", "Gradient",
    ];

    [Test]
    public void Infer_RandomOperands_ReportsWithoutThrowing()
    {
        var rng = new Random(20261125);
        var schemas = OperatorRegistry.Default.Schemas.Where(s => s_operators.Contains(s.Id.Name)).ToList();
        Assert.That(schemas, Has.Count.GreaterThan(100));
        var problems = new List<string>();
        foreach (var schema in schemas)
        {
            for (int iteration = 0; iteration < 200; iteration++)
            {
                var builder = new GraphBuilder();
                var inputs = Enumerable.Range(0, rng.Next(0, schema.Inputs.Length + 2)).Select(_ => RandomOperand(builder, rng));
                var attributes = schema.Attributes.Values.Where(_ => rng.Next(3) != 0)
                    .Select(a => KeyValuePair.Create(a.Name, RandomAttribute(a.Kind, rng)));
                OperatorRegistry.CreateOp(schema, [.. inputs], AttributeMap.Create(attributes), rng.Next(0, schema.Outputs.Length + 2),
                    out var errors);
                problems.AddRange(errors.Where(e => e.StartsWith("inference could not handle", StringComparison.Ordinal)
                    && !e.Contains("overflow", StringComparison.Ordinal)).Select(e => schema.Id + ": " + e));
            }
        }
        Assert.That(problems.Distinct(), Is.Empty);
    }

    private static ValueRef RandomOperand(GraphBuilder builder, Random rng)
    {
        switch (rng.Next(8))
        {
            case 0:
                return default;
            case 1:
                return builder.AddConstant(null, TensorData.FromInt64s([rng.Next(-3, 12)]));
            case 2:
                long[] values = [.. Enumerable.Range(0, rng.Next(0, 6)).Select(_ => (long)rng.Next(-3, 12))];
                return builder.AddConstant(null, TensorData.FromInt64s(values, values.Length));
            case 3:
                return builder.AddInput("u", new TensorType((ElementType)rng.Next(0, 17), Shape.Unranked));
            default:
                var dims = Enumerable.Range(0, rng.Next(0, 7)).Select(_ => rng.Next(6) switch
                {
                    0 => Dimension.Unknown,
                    1 => Dimension.Symbolic("s"),
                    _ => Dimension.Of(rng.Next(0, 9)),
                });
                var type = rng.Next(3) == 0 ? (ElementType)rng.Next(0, 17) : ElementType.Float;
                return builder.AddInput("x", new TensorType(type, Shape.Of(dims.ToImmutableArray())));
        }
    }

    private static AttributeValue RandomAttribute(AttributeKind kind, Random rng)
    {
        long Int() => rng.Next(8) switch { 0 => long.MaxValue, 1 => long.MinValue, 2 => -1, 3 => 0, _ => rng.Next(0, 6) };
        return kind switch
        {
            AttributeKind.Int => AttributeValue.FromInt(Int()),
            AttributeKind.Float => AttributeValue.FromFloat(rng.Next(3) - 1),
            AttributeKind.String => AttributeValue.FromString(s_strings[rng.Next(s_strings.Length)]),
            AttributeKind.Ints => AttributeValue.FromInts([.. Enumerable.Range(0, rng.Next(0, 7)).Select(_ => Int())]),
            AttributeKind.Floats => AttributeValue.FromFloats([.. Enumerable.Range(0, rng.Next(0, 4)).Select(_ => 1f)]),
            AttributeKind.Strings => AttributeValue.FromStrings([.. Enumerable.Range(0, rng.Next(0, 4)).Select(_ => "a")]),
            AttributeKind.Tensor => AttributeValue.FromTensor(TensorData.FromInt64s([1, 2], 2)),
            _ => AttributeValue.FromInt(0),
        };
    }
}
