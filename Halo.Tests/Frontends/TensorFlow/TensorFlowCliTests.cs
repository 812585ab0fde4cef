using Google.Protobuf;
using Halo.Tests.Cli;
using Halo.Tests.Frontends.Onnx;
using Halo.Tests.TestSupport;
using NUnit.Framework;
using static Halo.Tests.Frontends.TensorFlow.TfGraphs;

namespace Halo.Tests.Frontends.TensorFlow;

/// <summary>The <c>halo</c> commands on TensorFlow GraphDefs: dump, run and check of <c>tf/mnist_simple</c>, format
/// selection by extension and with <c>-x tf</c>, and diagnostics for unsupported operators.</summary>
[TestFixture]
public sealed class TensorFlowCliTests
{
    private static string CaseDirectory => Path.Combine(RepositoryPaths.Corpora, "tf", "mnist_simple");

    private static string ModelPath => Path.Combine(CaseDirectory, "model.pb");

    [Test]
    public void Dump_MnistSimple_PrintsInputMatMulAddSoftmax()
    {
        var (code, output, error) = CliRunner.Run("dump", ModelPath);

        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.StartWith("model ir_version = 0, producer = \"TensorFlow GraphDef\", opsets = {\"\": 18}"));
        Assert.That(output, Does.Contain("graph main(%x : f32[x_0,784]) -> (%y)"));
        Assert.That(output, Does.Contain("%MatMul = MatMul<13>(%x, %Variable)").And.Contain("%add = Add<14>(%MatMul, %Variable_1)")
            .And.Contain("%y = Softmax<13>(%add) {axis = -1}"));
        Assert.That(error, Is.Empty);
    }

    [Test]
    public void Dump_GraphDefWithOtherExtensionAndFormatTf_Imports()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("frozen.graph", File.ReadAllBytes(ModelPath));

        var (code, output, error) = CliRunner.Run("dump", "-x", "tf", path);
        var (autoCode, _, autoError) = CliRunner.Run("dump", path);

        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.Contain("Softmax"));
        Assert.That(autoCode, Is.EqualTo(1));
        Assert.That(autoError, Does.Contain("error HALO1000"));
    }

    [Test]
    public void Dump_UnsupportedOperators_ReportsEachWithNodeAndExitsOne()
    {
        using var dir = new TempDirectory();
        var graph = Graph(Placeholder("x", Float, 2), Node("Frobnicate", "f1", ["x"]), Node("Twiddle", "t1", ["f1"]));
        string path = dir.Write("model.pb", graph.ToByteArray());

        var (code, output, error) = CliRunner.Run("dump", path);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.Contain("error HALO1101: Operator 'Frobnicate'").And.Contain("[node 'f1', Frobnicate #1]"));
        Assert.That(error, Does.Contain("error HALO1101: Operator 'Twiddle'").And.Contain("[node 't1', Twiddle #2]"));
        Assert.That(error, Does.Not.Contain("   at "));
    }

    [TestCase]
    [TestCase("-x", "tf")]
    public void Check_MnistSimpleWithInterpreter_PassesAllTestSets(params string[] format)
    {
        var (code, output, error) = CliRunner.Run(["check", "--backend", "interpret", "--rtol", "1e-3", "--atol", "1e-6", .. format, CaseDirectory]);

        Assert.That(code, Is.Zero, output + error);
        Assert.That(output, Does.Contain("ok   mnist_simple"));
        Assert.That(output.TrimEnd().Split('\n')[^1], Is.EqualTo("1 passed, 0 failed"));
    }

    [Test]
    public void Run_MnistSimpleFirstImage_PrintsProbabilitiesOfDigitSeven()
    {
        string input = Path.Combine(CaseDirectory, "test_data_set_0", "input_0.pb");

        var (code, output, error) = CliRunner.Run("run", "-x", "tf", ModelPath, "--input", "x=" + input);

        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.StartWith("y: f32[1,10] = ["));
        double[] probabilities = [.. output[(output.IndexOf("= [", StringComparison.Ordinal) + 3)..output.IndexOf(", ...", StringComparison.Ordinal)]
            .Split(", ").Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture))];
        Assert.That(probabilities, Has.Length.EqualTo(8));
        Assert.That(Array.IndexOf(probabilities, probabilities.Max()), Is.EqualTo(7), "image 0 is a 7, the last class printed");
    }
}
