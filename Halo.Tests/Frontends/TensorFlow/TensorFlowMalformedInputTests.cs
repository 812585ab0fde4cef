using Google.Protobuf;
using Halo.Frontends.TensorFlow.Protos;
using Halo.Tests.Frontends.Onnx;
using Halo.Tests.TestSupport;
using Halo.Frontends.TensorFlow;
using Halo.Core.Operators;
using NUnit.Framework;
using static Halo.Tests.Frontends.TensorFlow.TfGraphs;

namespace Halo.Tests.Frontends.TensorFlow;

/// <summary>Malformed and hostile GraphDefs: each gives its diagnostic (naming the node and op), never an exception
/// or an internal error.</summary>
[TestFixture]
public sealed class TensorFlowMalformedInputTests
{
    private static string MnistModel => Path.Combine(RepositoryPaths.Corpora, "tf", "mnist_simple", "model.pb");

    private static GraphDef WithX(params NodeDef[] nodes) => Graph([Placeholder("x", Float, 2), .. nodes]);

    [Test]
    public void Import_TruncatedFile_ReportsHALO1001()
    {
        byte[] bytes = File.ReadAllBytes(MnistModel);

        Assert.That(TfImport.ErrorIds(bytes[..(bytes.Length / 2)]), Is.EqualTo(new[] { "HALO1001" }));
    }

    [Test]
    public void Import_MissingFile_ReportsHALO1008()
    {
        var result = new TensorFlowImporter(OperatorRegistry.Default).Import(Path.Combine(Path.GetTempPath(), "no-such-halo-model.pb"));

        Assert.That(result.Model, Is.Null);
        Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "HALO1008" }));
    }

    [Test]
    public void Import_UnsupportedOps_ReportsEveryOneWithHALO1101BeforeConverting()
    {
        var result = TfImport.Import(WithX(Node("Frobnicate", "f1", ["x"]), Node("Relu", "r", ["f1"]), Node("Twiddle", "t1", ["r"])));

        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.That(errors.Select(d => d.Id), Is.EqualTo(new[] { "HALO1101", "HALO1101" }));
        Assert.That(errors.Select(d => (d.Location.NodeName, d.Location.Operator)), Is.EqualTo(new[] { ("f1", "Frobnicate"), ("t1", "Twiddle") }));
        Assert.That(errors[0].Message, Does.Contain("'Frobnicate'"));
    }

    [TestCase("nope")]
    [TestCase("x:abc")]
    [TestCase(":0")]
    [TestCase("^")]
    public void Import_InputNamingNoNode_ReportsHALO1102(string input)
    {
        var result = TfImport.Import(WithX(Node("Relu", "r", [input])));

        var error = result.Diagnostics.Single(d => d.IsError);
        Assert.That(error.Id, Is.EqualTo("HALO1102"));
        Assert.That(error.Location.NodeName, Is.EqualTo("r"));
    }

    [Test]
    public void Import_OutputIndexBeyondProducer_ReportsHALO1102() =>
        Assert.That(TfImport.ErrorIds(WithX(Node("Relu", "r", ["x:1"]))), Is.EqualTo(new[] { "HALO1102" }));

    [Test]
    public void Import_Cycle_ReportsHALO1103()
    {
        var result = TfImport.Import(WithX(Node("Add", "a", ["x", "b"]), Node("Relu", "b", ["a"]), Node("Relu", "y", ["b"])));

        var error = result.Diagnostics.Single(d => d.IsError);
        Assert.That(error.Id, Is.EqualTo("HALO1103"));
        Assert.That(error.Message, Does.Contain("'a'").And.Contain("'b'"));
    }

    [Test]
    public void Import_ControlInputs_AreIgnored()
    {
        var model = TfImport.Model(WithX(Node("NoOp", "init", []), Node("Relu", "y", ["x", "^init"])));

        Assert.That(model.Graph.Outputs, Has.Length.EqualTo(1));
    }

    [TestCase("")]
    [TestCase("x")]
    [TestCase("a:1")]
    public void Import_EmptyDuplicateOrColonName_ReportsHALO1104(string name) =>
        Assert.That(TfImport.ErrorIds(WithX(Node("Relu", name, ["x"]))), Does.Contain("HALO1104"));

    [TestCase((int)DataType.DtResource)]
    [TestCase((int)DataType.DtQint8)]
    [TestCase(77)]
    public void Import_PlaceholderOfUnsupportedType_ReportsHALO1105(int type) =>
        Assert.That(TfImport.ErrorIds(Graph(Placeholder("x", (DataType)type, 2), Node("Identity", "y", ["x"]))), Is.EqualTo(new[] { "HALO1105" }));

    [Test]
    public void Import_ConstContentOfWrongSize_ReportsHALO1106()
    {
        var tensor = new TensorProto { Dtype = Float, TensorShape = ShapeProto(3), TensorContent = Content(new[] { 1f, 2f }) };

        Assert.That(TfImport.ErrorIds(WithX(Const("c", tensor), Node("Add", "y", ["x", "c"]))), Is.EqualTo(new[] { "HALO1106" }));
    }

    [Test]
    public void Import_ConstWithMoreValuesThanShape_ReportsHALO1106()
    {
        var tensor = new TensorProto { Dtype = Float, TensorShape = ShapeProto(1) };
        tensor.FloatVal.AddRange([1f, 2f]);

        Assert.That(TfImport.ErrorIds(WithX(Const("c", tensor), Node("Add", "y", ["x", "c"]))), Is.EqualTo(new[] { "HALO1106" }));
    }

    [Test]
    public void Import_HugeSplatConst_ReportsHALO1106WithoutAllocating()
    {
        var tensor = new TensorProto { Dtype = Float, TensorShape = ShapeProto(1L << 20, 1L << 20) };
        tensor.FloatVal.Add(1f);

        var result = TfImport.Import(WithX(Const("big", tensor), Node("Add", "y", ["x", "big"])));

        var error = result.Diagnostics.Single(d => d.IsError);
        Assert.That(error.Id, Is.EqualTo("HALO1106"));
        Assert.That((error.Location.NodeName, error.Location.Operator), Is.EqualTo(("big", "Const")));
    }

    [TestCase(new long[] { -5 })]
    [TestCase(new long[] { long.MaxValue, long.MaxValue })]
    public void Import_PlaceholderWithNegativeOrOverflowingShape_ReportsHALO1107(long[] dims) =>
        Assert.That(TfImport.ErrorIds(Graph(Placeholder("x", Float, dims), Node("Identity", "y", ["x"]))), Is.EqualTo(new[] { "HALO1107" }));

    [Test]
    public void Import_ConstWithUnknownSize_ReportsHALO1107()
    {
        var tensor = new TensorProto { Dtype = Float, TensorShape = ShapeProto(-1) };

        Assert.That(TfImport.ErrorIds(WithX(Const("c", tensor), Node("Add", "y", ["x", "c"]))), Is.EqualTo(new[] { "HALO1107" }));
    }

    [Test]
    public void Import_BadAttributes_ReportsHALO1108ForEach()
    {
        var graph = Graph(Placeholder("x", Float, 1, 2, 2, 1), Const("w", [1f], 1, 1, 1, 1),
            Node("Conv2D", "conv", ["x", "w"], ("padding", Str("SOMETIMES")), ("strides", Ints(1, 1, 1, 1))),
            Node("MatMul", "mm", ["x", "x"], ("transpose_a", Str("yes"))),
            Node("Placeholder", "p", []));

        var result = TfImport.Import(graph);

        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.That(errors.Select(d => d.Id), Is.All.EqualTo("HALO1108"));
        Assert.That(errors.Select(d => d.Location.NodeName), Is.EquivalentTo(new[] { "conv", "mm", "p" }));
    }

    [Test]
    public void Import_TransposeWithComputedPermutation_ReportsHALO1109() =>
        Assert.That(TfImport.ErrorIds(Graph(Placeholder("x", Float, 2, 2), Placeholder("perm", Int32Type, 2),
            Node("Transpose", "y", ["x", "perm"]))), Is.EqualTo(new[] { "HALO1109" }));

    [Test]
    public void Import_MatMulWithOneInput_ReportsHALO1110() =>
        Assert.That(TfImport.ErrorIds(WithX(Node("MatMul", "y", ["x"]))), Is.EqualTo(new[] { "HALO1110" }));

    [Test]
    public void Import_StridedSliceWithZeroStride_ReportsHALO1111() =>
        Assert.That(TfImport.ErrorIds(WithX(ConstInts("b", [0], 1), ConstInts("e", [1], 1), ConstInts("s", [0], 1),
            Node("StridedSlice", "y", ["x", "b", "e", "s"]))), Is.EqualTo(new[] { "HALO1111" }));

    [Test]
    public void Import_TransposedMatMulOfVector_ReportsHALO1111() =>
        Assert.That(TfImport.ErrorIds(WithX(Node("MatMul", "y", ["x", "x"], ("transpose_a", Bool(true))))), Is.EqualTo(new[] { "HALO1111" }));

    [Test]
    public void Import_RequestedOutputUnknown_ReportsHALO1112()
    {
        var graph = WithX(Node("Relu", "r", ["x"]));

        Assert.That(TfImport.ErrorIds(graph, ["r", "nope", "r:3"]), Is.EqualTo(new[] { "HALO1112", "HALO1112" }));
        Assert.That(TfImport.Model(graph, ["r:0"]).Graph.Outputs, Has.Length.EqualTo(1));
    }

    [Test]
    public void Import_OnlyConstants_ReportsHALO1113() =>
        Assert.That(TfImport.ErrorIds(Graph(Const("c", [1f], 1), Node("NoOp", "n", []))), Is.EqualTo(new[] { "HALO1113" }));

    [Test]
    public void Import_RandomlyCorruptedModels_NeverThrowOrReportInternalErrors()
    {
        byte[] original = File.ReadAllBytes(MnistModel);
        var random = new Random(1234);
        for (int round = 0; round < 200; round++)
        {
            byte[] bytes = (byte[])original.Clone();
            int flips = random.Next(1, 8);
            for (int f = 0; f < flips; f++)
            {
                // Corrupt the graph structure (the first 200 bytes hold the Placeholder and Const headers) as well as data.
                int at = f % 2 == 0 ? random.Next(Math.Min(200, bytes.Length)) : random.Next(bytes.Length);
                bytes[at] = (byte)random.Next(256);
            }
            var result = TfImport.Import(bytes);
            Assert.That(result.Diagnostics.Select(d => d.Id), Does.Not.Contain("HALO9001"), "round " + round);
            Assert.That(result.Model is null, Is.EqualTo(result.HasErrors), "round " + round);
        }
    }

    [Test]
    public void Import_RandomBytes_ReportsHALO1001()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        bytes[0] = 0x0A;

        Assert.That(TfImport.ErrorIds(bytes), Does.Contain("HALO1001"));
    }

    [Test]
    public void ErrorIds_Helper_WritesModelThroughTempDirectory()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("model.pb", WithX(Node("Relu", "y", ["x"])).ToByteArray());

        Assert.That(new TensorFlowImporter(OperatorRegistry.Default).CanImport(path), Is.True);
    }
}
