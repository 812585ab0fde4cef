using Google.Protobuf;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators;
using Halo.Frontends.Onnx.Protos;
using NUnit.Framework;
using static Halo.Frontends.Onnx.Protos.AttributeProto.Types;
using static Halo.Tests.Frontends.Onnx.OnnxTestModels;

namespace Halo.Tests.Frontends.Onnx;

[TestFixture]
public sealed class OnnxAttributeTests
{
    private static AttributeMap ImportAttributes(params AttributeProto[] attributes)
    {
        var b = new OperatorSetBuilder();
        b.Define("Anything", 1).VariadicInput("x", "T", 0).Output("y", "T").Constraint("T", "tensor(float)").AllowUnknownAttributes();
        var graph = Graph("g", [Tensor("x", Float, 1)], [Untyped("y")], Node("Anything", ["x"], ["y"], "n", null, attributes));
        var result = OnnxImportHelper.Import(Model(graph, 1), b.Build());
        Assert.That(result.Diagnostics, Is.Empty, result.Describe());
        return ((GreenOp)result.Model!.Graph.Outputs[0].Producer!).Attributes;
    }

    [Test]
    public void Import_ScalarAndListAttributes_Convert()
    {
        var floats = new AttributeProto { Name = "fs", Type = AttributeType.Floats };
        floats.Floats.AddRange([1f, 2f]);
        var ints = new AttributeProto { Name = "is", Type = AttributeType.Ints };
        ints.Ints.AddRange([3, -4]);
        var strings = new AttributeProto { Name = "ss", Type = AttributeType.Strings };
        strings.Strings.AddRange([ByteString.CopyFromUtf8("a"), ByteString.CopyFromUtf8("b")]);

        var map = ImportAttributes(
            new AttributeProto { Name = "f", Type = AttributeType.Float, F = 0.5f },
            IntAttribute("i", 42),
            new AttributeProto { Name = "s", Type = AttributeType.String, S = ByteString.CopyFromUtf8("same") },
            floats, ints, strings);

        Assert.Multiple(() =>
        {
            Assert.That(map["f"].AsFloat(), Is.EqualTo(0.5f));
            Assert.That(map["i"].AsInt(), Is.EqualTo(42));
            Assert.That(map["s"].AsString(), Is.EqualTo("same"));
            Assert.That(map["fs"].AsFloats(), Is.EqualTo(new[] { 1f, 2f }));
            Assert.That(map["is"].AsInts(), Is.EqualTo(new long[] { 3, -4 }));
            Assert.That(map["ss"].AsStrings(), Is.EqualTo(new[] { "a", "b" }));
        });
    }

    [Test]
    public void Import_TensorSparseAndTypeAttributes_Convert()
    {
        var values = FloatTensor("v", [9f], 1);
        var indices = new TensorProto { DataType = Int64Type };
        indices.Dims.Add(1);
        indices.Int64Data.Add(2);
        var sparse = new SparseTensorProto { Values = values, Indices = indices };
        sparse.Dims.Add(5);
        var tensors = new AttributeProto { Name = "ts", Type = AttributeType.Tensors };
        tensors.Tensors.AddRange([FloatTensor("a", [1f], 1), FloatTensor("b", [2f, 3f], 2)]);
        var types = new AttributeProto { Name = "tps", Type = AttributeType.TypeProtos };
        types.TypeProtos.Add(new TypeProto { SequenceType = new TypeProto.Types.Sequence { ElemType = Tensor("e", Int64Type, 2).Type } });
        var sparseList = new AttributeProto { Name = "sts", Type = AttributeType.SparseTensors };
        sparseList.SparseTensors.Add(sparse);

        var map = ImportAttributes(
            new AttributeProto { Name = "t", Type = AttributeType.Tensor, T = FloatTensor("t", [1f, 2f], 2) },
            new AttributeProto { Name = "st", Type = AttributeType.SparseTensor, SparseTensor = sparse },
            new AttributeProto { Name = "tp", Type = AttributeType.TypeProto, Tp = Tensor("q", Float, "N").Type },
            tensors, types, sparseList);

        Assert.Multiple(() =>
        {
            Assert.That(map["t"].AsTensor().AsSpan<float>().ToArray(), Is.EqualTo(new[] { 1f, 2f }));
            Assert.That(map["st"].AsSparseTensor().Type.ToString(), Is.EqualTo("sparse<f32[5]>"));
            Assert.That(map["tp"].AsType().ToString(), Is.EqualTo("f32[N]"));
            Assert.That(map["ts"].AsTensors(), Has.Length.EqualTo(2));
            Assert.That(map["tps"].AsTypes()[0], Is.EqualTo(new SequenceType(TensorType.Of(ElementType.Int64, 2))));
            Assert.That(map["sts"].AsSparseTensors(), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void Import_GraphListAttribute_ImportsEachGraph()
    {
        var g1 = Graph("b1", [Tensor("p", Float, 1)], [Untyped("p")]);
        var graphs = new AttributeProto { Name = "gs", Type = AttributeType.Graphs };
        graphs.Graphs.AddRange([g1, g1]);

        var map = ImportAttributes(GraphAttribute("g", g1), graphs);

        Assert.That(map["g"].AsGraph().Name, Is.EqualTo("b1"));
        Assert.That(map["gs"].AsGraphs(), Has.Length.EqualTo(2));
    }

    [Test]
    public void Import_LegacyAttributeWithoutType_InfersKindFromField()
    {
        var map = ImportAttributes(new AttributeProto { Name = "old", I = 5 }, new AttributeProto { Name = "oldf", F = 2f });

        Assert.That(map["old"].AsInt(), Is.EqualTo(5));
        Assert.That(map["oldf"].AsFloat(), Is.EqualTo(2f));
    }
}
