using Google.Protobuf;
using Halo.Frontends.Onnx.Protos;
using NUnit.Framework;
using static Halo.Tests.Frontends.Onnx.OnnxTestModels;

namespace Halo.Tests.Frontends.Onnx;

/// <summary>Mutated models must give diagnostics, never an exception or an internal error.</summary>
[TestFixture]
public sealed class OnnxFuzzTests
{
    /// <summary>A model using most features: initializers of several kinds, a function, a subgraph with a
    /// capture, value_info, sparse initializer and attributes.</summary>
    internal static ModelProto FeatureRichModel()
    {
        var f = new FunctionProto { Name = "F", Domain = "local" };
        f.Input.Add("a");
        f.Output.Add("b");
        f.Node.Add(Node("Relu", ["a"], ["b"], "fr", null,
            new AttributeProto { Name = "k", RefAttrName = "k", Type = AttributeProto.Types.AttributeType.Int }));
        var then = Graph("then", [], [Untyped("r")], Node("Relu", ["h"], ["r"], "in_then"));
        var graph = Graph("g", [Tensor("x", Float, 2, "N"), Tensor("c", 9)], [Tensor("y", Float, 2, "N"), Untyped("z")],
            Node("Add", ["x", "w"], ["h"], "add"),
            Node("F", ["h"], ["y"], "call", "local", IntAttribute("k", 2)),
            Node("If", ["c"], ["z"], "if", null, GraphAttribute("then_branch", then), GraphAttribute("else_branch", then)));
        graph.Initializer.Add(FloatTensor("w", [1f, 2f], 2, 1));
        var i8 = new TensorProto { Name = "i8", DataType = 3 };
        i8.Dims.Add(2);
        i8.Int32Data.AddRange([1, -1]);
        graph.Initializer.Add(i8);
        graph.Initializer.Add(new TensorProto { Name = "raw", DataType = 7, RawData = ByteString.CopyFrom(new byte[16]), Dims = { 2 } });
        var indices = new TensorProto { DataType = 7, Dims = { 1 }, Int64Data = { 1 } };
        graph.SparseInitializer.Add(new SparseTensorProto { Values = FloatTensor("sp", [3f], 1), Indices = indices, Dims = { 4 } });
        graph.ValueInfo.Add(Tensor("h", Float, 2, "N"));
        var model = Model(graph, 14, f);
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "local", Version = 1 });
        return model;
    }

    [Test]
    public void Import_FeatureRichModel_NoErrors()
    {
        var result = OnnxImportHelper.Import(FeatureRichModel());

        Assert.That(result.Diagnostics, Is.Empty, result.Describe());
    }

    [Test]
    public void Import_MutatedModels_NeverThrowOrReportInternalError()
    {
        byte[] original = FeatureRichModel().ToByteArray();
        var random = new Random(20261125);
        using var dir = new TempDirectory();
        string path = dir.File("model.onnx");
        var importer = new Halo.Frontends.Onnx.OnnxImporter(Registry);
        for (int i = 0; i < 400; i++)
        {
            byte[] bytes = (byte[])original.Clone();
            int flips = random.Next(1, 4);
            for (int k = 0; k < flips; k++)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }
            File.WriteAllBytes(path, bytes);
            var result = importer.Import(path);
            Assert.That(result.Ids(), Does.Not.Contain("HALO9001"), $"mutation {i}: {result.Describe()}");
        }
    }
}
