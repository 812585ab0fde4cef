using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators;
using NUnit.Framework;

namespace Halo.Tests.Operators.Onnx.Tensor;

/// <summary>Runs every Tensor-family schema on random operands, attributes and result counts: problems must come back
/// as reports from the inference itself, never as exceptions (caught or not).</summary>
[TestFixture]
public sealed class TensorRobustnessTests
{
    private static readonly string[] s_strings =
        ["", "constant", "reflect", "edge", "wrap", "DCR", "CRD", "not_larger", "not_smaller", "stretch", "add", "max", "LOWER", "?"];

    private static readonly long[] s_edgeInts = [long.MaxValue, long.MinValue, int.MaxValue, -1, 0, 1, 2, 3, -2, 1_000_000_000_000];

    private static readonly ElementType[] s_elementTypes =
        [ElementType.Undefined, ElementType.Float, ElementType.Int64, ElementType.Int32, ElementType.Bool, ElementType.String];

    private static IEnumerable<OperatorSchema> Schemas()
    {
        var names = TensorOperatorSetTests.OperatorNames();
        return OperatorRegistry.Default.Schemas.Where(s => s.Id.Domain.Length == 0 && names.Contains(s.Id.Name));
    }

    [Test]
    public void Infer_RandomOperands_NeverThrows()
    {
        var rng = new Random(1125);
        var schemas = Schemas().ToList();
        Assert.That(schemas, Has.Count.GreaterThan(120));
        var problems = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var schema in schemas)
        {
            for (int i = 0; i < 300; i++)
            {
                var b = new GraphBuilder();
                var operands = Enumerable.Range(0, rng.Next(0, schema.Inputs.Length + 2)).Select(_ => Operand(b, rng)).ToArray();
                var attributes = schema.Attributes.Values.Where(_ => rng.Next(4) != 0)
                    .Select(a => KeyValuePair.Create(a.Name, Attribute(a.Kind, rng)));
                try
                {
                    OperatorRegistry.CreateOp(schema, [.. operands], AttributeMap.Create(attributes), rng.Next(0, schema.Outputs.Length + 3),
                        out var errors);
                    problems.UnionWith(errors.Where(e => e.StartsWith("inference could not handle", StringComparison.Ordinal))
                        .Select(e => schema.Id + ": " + e));
                }
                catch (Exception e) when (e is not AssertionException)
                {
                    problems.Add(schema.Id + " threw " + e.GetType().Name + ": " + e.Message);
                }
            }
        }
        Assert.That(problems, Is.Empty);
    }

    private static long Int(Random rng) => rng.Next(3) == 0 ? s_edgeInts[rng.Next(s_edgeInts.Length)] : rng.Next(-4, 9);

    private static ValueRef Operand(GraphBuilder b, Random rng)
    {
        switch (rng.Next(10))
        {
            case 0:
                return ValueRef.None;
            case 1:
                return b.AddConstant(null, TensorData.FromInt64s([Int(rng)]));
            case 2:
                long[] ints = [.. Enumerable.Range(0, rng.Next(0, 6)).Select(_ => Int(rng))];
                return b.AddConstant(null, TensorData.FromInt64s(ints, ints.Length));
            case 3:
                float[] floats = [.. Enumerable.Range(0, rng.Next(0, 5)).Select(_ => (float)(rng.NextDouble() * 4) - 1)];
                return b.AddConstant(null, TensorData.FromFloats(floats, floats.Length));
            case 4:
                return b.AddInput("s", new SequenceType(Tensor(rng)));
            case 5:
                return b.AddInput("o", new OptionalType(rng.Next(2) == 0 ? Tensor(rng) : new SequenceType(Tensor(rng))));
            default:
                return b.AddInput("x", Tensor(rng));
        }
    }

    private static TensorType Tensor(Random rng)
    {
        var type = s_elementTypes[rng.Next(s_elementTypes.Length)];
        if (rng.Next(6) == 0)
        {
            return new TensorType(type, Shape.Unranked);
        }
        var dims = Enumerable.Range(0, rng.Next(0, 6)).Select(_ => rng.Next(6) switch
        {
            0 => Dimension.Unknown,
            1 => Dimension.Symbolic("n"),
            _ => Dimension.Of(rng.Next(0, 7)),
        });
        return new TensorType(type, Shape.Of(dims.ToImmutableArray()));
    }

    private static AttributeValue Attribute(AttributeKind kind, Random rng) => kind switch
    {
        AttributeKind.Int => AttributeValue.FromInt(Int(rng)),
        AttributeKind.Float => AttributeValue.FromFloat((float)(rng.NextDouble() * 4) - 1),
        AttributeKind.String => AttributeValue.FromString(s_strings[rng.Next(s_strings.Length)]),
        AttributeKind.Ints => AttributeValue.FromInts([.. Enumerable.Range(0, rng.Next(0, 6)).Select(_ => Int(rng))]),
        AttributeKind.Floats => AttributeValue.FromFloats([.. Enumerable.Range(0, rng.Next(0, 5)).Select(_ => (float)rng.NextDouble() * 3)]),
        AttributeKind.Strings => AttributeValue.FromStrings([.. Enumerable.Range(0, rng.Next(0, 3)).Select(_ => "a")]),
        AttributeKind.Tensor => AttributeValue.FromTensor(rng.Next(2) == 0 ? TensorData.FromFloats([1f]) : TensorData.FromInt64s([1, 2], 2)),
        AttributeKind.SparseTensor => AttributeValue.FromSparseTensor(
            new SparseTensorData(TensorData.FromFloats([1f], 1), TensorData.FromInt64s([0], 1), [.. Enumerable.Repeat(2L, rng.Next(0, 3))])),
        AttributeKind.Graph => AttributeValue.FromGraph(OpTest.Body([.. Enumerable.Range(0, rng.Next(0, 4)).Select(_ => Value(rng))])),
        AttributeKind.Type => AttributeValue.FromType(Value(rng)),
        _ => AttributeValue.FromInt(0),
    };

    private static IrType Value(Random rng) => rng.Next(4) switch
    {
        0 => new SequenceType(Tensor(rng)),
        1 => new OptionalType(Tensor(rng)),
        _ => Tensor(rng),
    };
}
