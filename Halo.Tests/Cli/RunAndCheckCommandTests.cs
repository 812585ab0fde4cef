using Halo.Frontends.Onnx;
using Halo.Tests.Frontends.Onnx;
using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Cli;

[TestFixture]
public sealed class RunAndCheckCommandTests
{
    private static string Case(string name) => Path.Combine(RepositoryPaths.Corpora, "onnx-node", name);

    [TestCase("interpret")]
    [TestCase("reference")]
    public void Check_PassingCases_PrintsLinePerCaseAndTotals(string backend)
    {
        var (code, output, error) = CliRunner.Run("check", "--backend", backend, Case("test_relu"), Case("test_add_bcast"));

        Assert.That(code, Is.Zero, output + error);
        Assert.That(output, Does.Contain("ok   test_relu").And.Contain("ok   test_add_bcast"));
        Assert.That(output.TrimEnd().Split('\n')[^1], Is.EqualTo("2 passed, 0 failed"));
    }

    [Test]
    public void Check_InterpreterOnSequenceOptionalAndInt4Cases_Passes()
    {
        var (code, output, error) = CliRunner.Run("check", "--backend", "interpret", Case("test_sequence_map_add_2_sequences"),
            Case("test_optional_has_element_empty_optional_input"), Case("test_quantizelinear_int4"));

        Assert.That(code, Is.Zero, output + error);
        Assert.That(output.TrimEnd().Split('\n')[^1], Is.EqualTo("3 passed, 0 failed"));
    }

    [Test]
    public void Check_TightToleranceFailure_ReportsWorstElementAndExitsOne()
    {
        var (code, output, _) = CliRunner.Run("check", "--atol", "0", "--rtol", "0", "--backend", "interpret",
            Path.Combine(RepositoryPaths.Corpora, "torchvision", "squeezenet1_1"));

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("FAIL squeezenet1_1").And.Contain("element").And.Contain("0 passed, 1 failed"));
    }

    [Test]
    public void Check_UnknownBackend_ReportsHALO6002()
    {
        var (code, _, error) = CliRunner.Run("check", "--backend", "tpu", Case("test_relu"));

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("error HALO6002"));
    }

    [Test]
    public void Run_WithInputFile_PrintsAndWritesOutputs()
    {
        using var dir = new TempDirectory();
        string model = Path.Combine(Case("test_relu"), "model.onnx");
        string input = Path.Combine(Case("test_relu"), "test_data_set_0", "input_0.pb");

        var (code, output, error) = CliRunner.Run("run", model, "--input", "x=" + input, "--output-dir", dir.Path);

        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.StartWith("y: f32[3,4,5] = ["));
        var written = OnnxTensorFile.ReadTensor(dir.File("y.pb")).Value!.Tensor!;
        var expected = OnnxTensorFile.ReadTensor(Path.Combine(Case("test_relu"), "test_data_set_0", "output_0.pb")).Value!.Tensor!;
        Assert.That(written.Bytes.ToArray(), Is.EqualTo(expected.Bytes.ToArray()));
    }

    [TestCase(new string[0], "HALO6004", "is not given")]
    [TestCase(new[] { "--input", "x" }, "HALO6003", "NAME=FILE")]
    [TestCase(new[] { "--input", "nope=a.pb" }, "HALO6004", "has no input 'nope'")]
    public void Run_BadInputs_ReportDiagnostics(string[] extra, string id, string message)
    {
        var (code, _, error) = CliRunner.Run(["run", Path.Combine(Case("test_relu"), "model.onnx"), .. extra]);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("error " + id).And.Contain(message));
        Assert.That(error, Does.Not.Contain("   at "));
    }

    [Test]
    public void Run_InputOfWrongShape_ReportsHALO6004WithBothShapes()
    {
        string model = Path.Combine(Case("test_relu"), "model.onnx");
        string wrong = Path.Combine(Case("test_add_bcast"), "test_data_set_0", "input_1.pb");

        var (code, _, error) = CliRunner.Run("run", model, "--input", "x=" + wrong);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("error HALO6004").And.Contain("f32[5]").And.Contain("f32[3,4,5]"));
    }
}
