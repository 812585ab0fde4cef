using Google.Protobuf;
using Halo.Frontends.Onnx.Protos;
using Halo.Tests.Frontends.Onnx;
using Halo.Tests.TestSupport;
using NUnit.Framework;
using static Halo.Tests.Frontends.Onnx.OnnxTestModels;

namespace Halo.Tests.Cli;

/// <summary><c>halo dump</c> end to end: good models print IR text; every kind of bad input gives a diagnostic
/// with an id on stderr and exit code 1, never a stack trace.</summary>
[TestFixture]
public sealed class DumpCommandTests
{
    private static string NodeCase(string name) => Path.Combine(RepositoryPaths.Corpora, "onnx-node", name, "model.onnx");

    private static void AssertFails(string path, string id)
    {
        var (code, output, error) = CliRunner.Run("dump", path);
        Assert.That(code, Is.EqualTo(1), error);
        Assert.That(error, Does.Contain("error " + id));
        Assert.That(error, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(output, Is.Empty);
    }

    [Test]
    public void Dump_ValidModel_PrintsGraphAndExitsZero()
    {
        var (code, output, error) = CliRunner.Run("dump", NodeCase("test_conv_with_strides_padding"));

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.StartWith("model ir_version = ").And.Contain("= Conv<"));
        Assert.That(error, Is.Empty);
    }

    [Test]
    public void Dump_Help_ListsCommandAndOptions()
    {
        var (code, output, _) = CliRunner.Run("dump", "--help");
        var (rootCode, rootOutput, _) = CliRunner.Run("--help");

        Assert.That(code, Is.Zero);
        Assert.That(output, Does.Contain("--after-passes").And.Contain("--full-constants").And.Contain("--format"));
        Assert.That(rootCode, Is.Zero);
        Assert.That(rootOutput, Does.Contain("dump"));
    }

    [Test]
    public void Dump_MissingArgument_ReportsHALO6001()
    {
        var (code, _, error) = CliRunner.Run("dump");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("error HALO6001"));
    }

    [Test]
    public void Dump_TruncatedFile_ReportsHALO1001()
    {
        using var dir = new TempDirectory();
        byte[] bytes = File.ReadAllBytes(NodeCase("test_conv_with_strides_padding"));
        AssertFails(dir.Write("model.onnx", bytes[..(bytes.Length / 2)]), "HALO1001");
    }

    [Test]
    public void Dump_RandomBytes_ReportsHALO1001()
    {
        using var dir = new TempDirectory();
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        AssertFails(dir.Write("model.onnx", bytes), "HALO1001");
    }

    [TestCase(-5L)]
    [TestCase(long.MaxValue)]
    public void Dump_NegativeOrOverflowingDimension_ReportsDiagnostic(long dim)
    {
        using var dir = new TempDirectory();
        var model = Model(Graph("g", [Tensor("x", Float, dim, dim)], [Tensor("y", Float, -1)], Node("Relu", ["x"], ["y"])));
        var (code, _, error) = CliRunner.Run("dump", dir.Write("model.onnx", model));

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Match("error HALO1[0-9]{3}"));
        Assert.That(error, Does.Not.Contain("   at "));
    }

    [Test]
    public void Dump_Cycle_ReportsHALO2006()
    {
        using var dir = new TempDirectory();
        var model = Model(Graph("g", [Tensor("x", Float, 2)], [Tensor("y", Float, 2)],
            Node("Add", ["x", "b"], ["a"], "first"), Node("Relu", ["a"], ["b"], "second"), Node("Relu", ["a"], ["y"])));
        AssertFails(dir.Write("model.onnx", model), "HALO2006");
    }

    [Test]
    public void Dump_UnknownOperators_ReportsEveryOneWithHALO1002()
    {
        using var dir = new TempDirectory();
        var model = Model(Graph("g", [Tensor("x", Float, 2)], [Tensor("y", Float, 2)],
            Node("Frobnicate", ["x"], ["a"], "f1"), Node("Twiddle", ["a"], ["y"], "t1")));
        string path = dir.Write("model.onnx", model);

        AssertFails(path, "HALO1002");
        string error = CliRunner.Run("dump", path).Error;
        Assert.That(error, Does.Contain("Frobnicate").And.Contain("Twiddle").And.Contain("[node 'f1'"));
    }

    [Test]
    public void Dump_ExternalDataOutsideFolder_ReportsHALO1003AndReadsNothingOutside()
    {
        using var outer = new TempDirectory();
        File.WriteAllBytes(outer.File("secret.bin"), new byte[8]);
        string modelDir = Path.Combine(outer.Path, "model");
        Directory.CreateDirectory(modelDir);
        var weights = new TensorProto { Name = "w", DataType = Float, DataLocation = TensorProto.Types.DataLocation.External };
        weights.Dims.Add(2);
        weights.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = "../secret.bin" });
        var graph = Graph("g", [Tensor("x", Float, 2)], [Tensor("y", Float, 2)], Node("Add", ["x", "w"], ["y"]));
        graph.Initializer.Add(weights);
        string path = Path.Combine(modelDir, "model.onnx");
        File.WriteAllBytes(path, Model(graph).ToByteArray());

        AssertFails(path, "HALO1003");
    }

    [Test]
    public void Dump_MissingFile_ReportsDiagnostic()
    {
        var (code, _, error) = CliRunner.Run("dump", "/nonexistent/model.onnx");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Match("error HALO[0-9]{4}"));
    }

    [Test]
    public void Dump_FullConstants_TextParsesBack()
    {
        var (code, output, _) = CliRunner.Run("dump", "--full-constants", Path.Combine(RepositoryPaths.Corpora, "torchvision", "squeezenet1_1", "model.onnx"));

        Assert.That(code, Is.Zero);
        Assert.That(output, Does.Not.Contain("elided"));
        Assert.That(Halo.Core.IR.Text.GraphParser.ParseModel(output, out var d), Is.Not.Null, string.Join("\n", d));
    }
}
