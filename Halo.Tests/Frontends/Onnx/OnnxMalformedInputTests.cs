using Halo.Frontends.Onnx.Protos;
using NUnit.Framework;
using static Halo.Tests.Frontends.Onnx.OnnxTestModels;

namespace Halo.Tests.Frontends.Onnx;

[TestFixture]
public sealed class OnnxMalformedInputTests
{
    [Test]
    public void Import_TruncatedFile_ReportsHALO1001()
    {
        byte[] bytes = Bytes(ReluModel());

        var result = OnnxImportHelper.Import(bytes[..(bytes.Length - 7)]);

        Assert.That(result.Ids(), Is.EqualTo(new[] { "HALO1001" }), result.Describe());
        Assert.That(result.Model, Is.Null);
    }

    [Test]
    public void Import_EveryTruncation_NeverThrows()
    {
        byte[] bytes = Bytes(ReluModel());
        for (int n = 0; n < bytes.Length; n++)
        {
            Assert.DoesNotThrow(() => OnnxImportHelper.Import(bytes[..n]), $"prefix of {n} bytes");
        }
    }

    [Test]
    public void Import_RandomBytes_ReportsDiagnosticsAndNeverThrows()
    {
        var random = new Random(1234);
        int malformed = 0;
        for (int i = 0; i < 200; i++)
        {
            byte[] bytes = new byte[random.Next(1, 512)];
            random.NextBytes(bytes);
            var result = OnnxImportHelper.Import(bytes);
            Assert.That(result.Ids(), Does.Not.Contain("HALO9001"), result.Describe());
            malformed += result.Ids().Contains("HALO1001") ? 1 : 0;
        }
        Assert.That(malformed, Is.GreaterThan(150));
    }

    [Test]
    public void Import_HugeLengthPrefix_ReportsHALO1001WithoutAllocating()
    {
        // Field 7 (graph), length-delimited, claiming ~2 GB that are not there.
        byte[] bytes = [0x3A, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0x01, 0x02];

        var result = OnnxImportHelper.Import(bytes);

        Assert.That(result.Ids(), Is.EqualTo(new[] { "HALO1001" }));
    }

    [Test]
    public void Import_DeeplyNestedSubgraphs_ReportsHALO1001()
    {
        var leaf = ReluModel().Graph;
        var graph = leaf;
        for (int i = 0; i < 200; i++)
        {
            // Only one branch nests; sharing the message in both would double the file at every level.
            graph = Graph("g" + i, [], [Untyped("o")], Node("If", ["c"], ["o"], "if" + i, null,
                GraphAttribute("then_branch", graph), GraphAttribute("else_branch", leaf)));
        }

        var result = OnnxImportHelper.Import(Model(graph));

        Assert.That(result.Ids(), Is.EqualTo(new[] { "HALO1001" }));
    }

    [Test]
    public void Import_MissingFile_ReportsHALO1008()
    {
        using var dir = new TempDirectory();

        var result = OnnxImportHelper.Import(dir.File("absent.onnx"));

        Assert.That(result.Ids(), Is.EqualTo(new[] { "HALO1008" }));
    }

    [Test]
    public void Import_DirectoryInsteadOfFile_ReportsHALO1008()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("model.onnx"));

        var result = OnnxImportHelper.Import(dir.File("model.onnx"));

        Assert.That(result.Ids(), Is.EqualTo(new[] { "HALO1008" }));
    }

    [TestCase(-3L, "must not be negative")]
    [TestCase(long.MaxValue, "overflows")]
    public void Import_InvalidDeclaredDim_ReportsHALO1007(long dim, string reason)
    {
        var graph = Graph("g", [Tensor("x", Float, 1 << 20, dim)], [Tensor("y", Float)],
            Node("Relu", ["x"], ["y"], "r"));

        var result = OnnxImportHelper.Import(Model(graph));

        var d = result.WithId("HALO1007").Single();
        Assert.That(d.Message, Does.Contain("'x'").And.Contain(reason));
    }

    [Test]
    public void Import_NegativeInitializerDim_ReportsHALO1007()
    {
        var graph = Graph("g", [], [Tensor("w", Float)]);
        graph.Initializer.Add(FloatTensor("w", [1f], -1));

        var result = OnnxImportHelper.Import(Model(graph));

        Assert.That(result.Ids(), Does.Contain("HALO1007"));
    }

    [Test]
    public void Import_InitializerWithOverflowingDims_ReportsHALO1007WithoutAllocating()
    {
        var graph = Graph("g", [], [Tensor("w", Float)]);
        graph.Initializer.Add(FloatTensor("w", [1f], 1L << 40, 1L << 40));

        var result = OnnxImportHelper.Import(Model(graph));

        Assert.That(result.Ids(), Does.Contain("HALO1007"));
    }

    [Test]
    public void Import_HugeDimsSmallData_ReportsHALO1004WithoutAllocating()
    {
        var graph = Graph("g", [], [Tensor("w", Float)]);
        var w = new TensorProto { Name = "w", DataType = Float, RawData = Google.Protobuf.ByteString.CopyFrom(new byte[8]) };
        w.Dims.Add(1L << 40);
        graph.Initializer.Add(w);

        var result = OnnxImportHelper.Import(Model(graph));

        Assert.That(result.WithId("HALO1004").Single().Message, Does.Contain("'w'"));
    }

    [Test]
    public void Import_UnknownElementTypeInDeclaration_ReportsHALO1009()
    {
        var graph = Graph("g", [Tensor("x", 99, 3)], [Tensor("y", Float, 3)], Node("Relu", ["x"], ["y"], "r"));

        var result = OnnxImportHelper.Import(Model(graph));

        Assert.That(result.WithId("HALO1009").Single().Message, Does.Contain("99"));
    }

    [Test]
    public void Import_UnknownDataTypeInInitializer_ReportsHALO1004()
    {
        var graph = Graph("g", [], [Tensor("w", Float)]);
        graph.Initializer.Add(new TensorProto { Name = "w", DataType = 42 });

        var result = OnnxImportHelper.Import(Model(graph));

        Assert.That(result.WithId("HALO1004").Single().Message, Does.Contain("42"));
    }

    [Test]
    public void Import_UnknownAttributeKind_ReportsHALO1010()
    {
        var attribute = new AttributeProto { Name = "weird", Type = (AttributeProto.Types.AttributeType)77 };
        var graph = Graph("g", [Tensor("x", Float, 3)], [Tensor("y", Float, 3)], Node("Relu", ["x"], ["y"], "r", null, attribute));

        var result = OnnxImportHelper.Import(Model(graph));

        Assert.That(result.WithId("HALO1010").Single().Message, Does.Contain("'weird'").And.Contain("'r'"));
    }

    [Test]
    public void Import_RefAttributeOutsideFunction_ReportsHALO1010()
    {
        var attribute = new AttributeProto { Name = "alpha", RefAttrName = "a", Type = AttributeProto.Types.AttributeType.Float };
        var graph = Graph("g", [Tensor("x", Float, 3)], [Tensor("y", Float, 3)], Node("Relu", ["x"], ["y"], "r", null, attribute));

        var result = OnnxImportHelper.Import(Model(graph));

        Assert.That(result.Ids(), Does.Contain("HALO1010"));
    }
}
