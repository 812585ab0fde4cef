using Halo.Cli.Commands;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Cli;

[TestFixture]
public sealed class BenchCommandTests
{
    private static string Line(string name, string backend, int threads, int iterations) =>
        $@"^{name} backend={backend} threads={threads} median_ms=\d+\.\d{{3}} min_ms=\d+\.\d{{3}} iterations={iterations}$";

    private static string Case(string name) => Path.Combine(RepositoryPaths.Corpora, "onnx-node", name, "model.onnx");

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Test]
    public void Bench_TwoModelsWithTestSets_PrintsOneLinePerModel()
    {
        var (code, output, error) = CliRunner.Run("bench", Case("test_relu"), Case("test_add_bcast"), "--threads", "2", "--iterations", "3", "--warmup", "1");

        Assert.That(code, Is.Zero, error);
        var lines = Lines(output);
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[0], Does.Match(Line("test_relu", "interpret", 2, 3)));
        Assert.That(lines[1], Does.Match(Line("test_add_bcast", "interpret", 2, 3)));
    }

    [Test]
    public void Bench_ModelWithoutTestSet_RunsOnRandomInputs()
    {
        string dir = Directory.CreateTempSubdirectory("halo-bench").FullName;
        try
        {
            string model = Path.Combine(dir, "relu_only.onnx");
            File.Copy(Case("test_relu"), model);

            var (code, output, error) = CliRunner.Run("bench", model, "--backend", "reference", "--iterations", "2", "--warmup", "0");

            Assert.That(code, Is.Zero, error);
            Assert.That(Lines(output).Single(), Does.Match(Line("relu_only", "reference", 1, 2)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestCase("--iterations", "0")]
    [TestCase("--threads", "0")]
    [TestCase("--warmup", "-1")]
    public void Bench_CountOutOfRange_ReportsHALO6010(string option, string value)
    {
        var (code, output, error) = CliRunner.Run("bench", Case("test_relu"), option, value);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("error HALO6010").And.Contain(option));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public void Bench_ThreadsWithReferenceBackend_WarnsHALO6012AndRuns()
    {
        var (code, output, error) = CliRunner.Run("bench", Case("test_relu"), "--backend", "reference", "--threads", "2", "--iterations", "1");

        Assert.That(code, Is.Zero, error);
        Assert.That(error, Does.Contain("warning HALO6012"));
        Assert.That(Lines(output).Single(), Does.Match(Line("test_relu", "reference", 1, 1)));
    }

    [Test]
    [Category("Native")]
    public void Bench_ThreadsWithOdlaBackend_WarnsHALO6012AndReportsTheRuntimeThreads()
    {
        var (code, output, error) = CliRunner.Run("bench", Case("test_relu"), "--backend", "odla-reference", "--threads", "3", "--iterations", "1");

        Assert.That(code, Is.Zero, error);
        Assert.That(error, Does.Contain("warning HALO6012").And.Contain("ODLA_NUM_THREADS"));
        int expected = int.TryParse(Environment.GetEnvironmentVariable("ODLA_NUM_THREADS"), out int n) && n > 0 ? n : Environment.ProcessorCount;
        Assert.That(Lines(output).Single(), Does.Match(Line("test_relu", "odla-reference", expected, 1)));
    }

    [Test]
    public void Bench_UnknownBackend_ReportsHALO6002()
    {
        var (code, _, error) = CliRunner.Run("bench", Case("test_relu"), "--backend", "tpu");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("error HALO6002"));
    }

    [Test]
    public void Bench_MissingModel_ReportsDiagnosticAndExitsOne()
    {
        var (code, output, error) = CliRunner.Run("bench", Path.Combine(RepositoryPaths.Corpora, "no-such-model.onnx"), "--iterations", "1");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("error HALO"));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public void CreateInputs_SymbolicDimensionWithoutTestSet_ReportsHALO6011()
    {
        var b = new GraphBuilder();
        var x = b.AddInput("x", new TensorType(ElementType.Float, Shape.Of(Dimension.Symbolic("batch"), 3)));
        b.AddOutput(b.AddOp("Relu", x), "y");
        var bag = new DiagnosticBag();

        var inputs = BenchInputs.Create(Path.Combine(Path.GetTempPath(), "no-such-folder", "m.onnx"), b.Build(), bag);

        Assert.That(inputs, Is.Null);
        Assert.That(bag.ToImmutable().Single().Id, Is.EqualTo("HALO6011"));
        Assert.That(bag.ToImmutable().Single().Message, Does.Contain("'x'"));
    }

    [TestCase("/m/resnet18/model.onnx", "resnet18")]
    [TestCase("/m/resnet18/tiny.onnx", "tiny")]
    public void ModelName_UsualModelFile_IsNamedAfterItsFolder(string path, string expected) =>
        Assert.That(BenchCommand.ModelName(path), Is.EqualTo(expected));
}
