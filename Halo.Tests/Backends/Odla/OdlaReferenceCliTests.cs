using Halo.Tests.Cli;
using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Backends.Odla;

/// <summary><c>halo check</c> and <c>halo run</c> with <c>--backend odla-reference</c>.</summary>
[TestFixture]
[Category("Native")]
public sealed class OdlaReferenceCliTests
{
    private static string Case(string name) => Path.Combine(RepositoryPaths.Corpora, "onnx-node", name);

    [Test]
    public void Check_PassingCases_PrintsOkLinesAndTotals()
    {
        var (code, output, error) = CliRunner.Run("check", "--backend", "odla-reference", Case("test_relu"), Case("test_add_bcast"));

        Assert.That(code, Is.Zero, output + error);
        Assert.That(output, Does.Contain("ok   test_relu").And.Contain("ok   test_add_bcast"));
        Assert.That(output.TrimEnd().Split('\n')[^1], Is.EqualTo("2 passed, 0 failed"));
    }

    [Test]
    public void Check_OperatorWithoutLowering_ReportsHALO4101NamingIt()
    {
        var (code, output, _) = CliRunner.Run("check", "--backend", "odla-reference", Case("test_nonzero_example"));

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("FAIL test_nonzero_example").And.Contain("HALO4101").And.Contain("NonZero"));
        Assert.That(output, Does.Contain("0 passed, 1 failed").And.Not.Contain("   at "));
    }

    [Test]
    public void Check_BatchWithOneUnsupportedCase_ReportsItAndRunsTheOthers()
    {
        var (code, output, _) = CliRunner.Run("check", "--backend", "odla-reference", Case("test_relu"), Case("test_nonzero_example"), Case("test_sigmoid"));

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("ok   test_relu").And.Contain("ok   test_sigmoid").And.Contain("FAIL test_nonzero_example").And.Contain("HALO4101"));
        Assert.That(output.TrimEnd().Split('\n')[^1], Is.EqualTo("2 passed, 1 failed"));
    }

    [Test]
    public void Run_WithInputFile_PrintsOutput()
    {
        string model = Path.Combine(Case("test_relu"), "model.onnx");
        string input = Path.Combine(Case("test_relu"), "test_data_set_0", "input_0.pb");

        var (code, output, error) = CliRunner.Run("run", model, "--backend", "odla-reference", "--input", "x=" + input);

        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.StartWith("y: f32[3,4,5] = ["));
    }
}
