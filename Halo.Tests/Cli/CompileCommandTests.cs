using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Cli;

/// <summary><c>halo compile</c> end to end: the three files beside -o, every option passed through, and
/// diagnostics with exit code 1 and nothing written on errors.</summary>
[TestFixture]
public sealed class CompileCommandTests
{
    private string _folder = "";

    private static string NodeCase(string name) => Path.Combine(RepositoryPaths.Corpora, "onnx-node", name, "model.onnx");

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "halo-compile-tests", TestContext.CurrentContext.Test.Name + "-" + Environment.ProcessId);
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string[] Files() => [.. Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Test]
    public void Compile_SupportedModel_WritesSourceHeaderAndWeights()
    {
        var (code, output, error) = CliRunner.Run("compile", NodeCase("test_conv_with_strides_padding"), "-o", Path.Combine(_folder, "net.cc"));
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(error, Is.Empty);
        Assert.That(output, Is.Empty);
        Assert.That(Files(), Is.EqualTo(new[] { "net.bin", "net.cc", "net.h" }));
        string source = File.ReadAllText(Path.Combine(_folder, "net.cc"));
        Assert.That(source, Does.Contain("odla_Conv(").And.Contain("#include \"net.h\""));
        Assert.That(File.ReadAllText(Path.Combine(_folder, "net.h")), Does.Contain("void model(const float x["), "entry named after the model file");
        Assert.That(File.ReadAllBytes(Path.Combine(_folder, "net.bin"))[..4], Is.EqualTo(new byte[] { 0x7f, 0x45, 0x4c, 0x46 }));
    }

    [Test]
    public void Compile_AllCodeGenOptions_ArePassedThrough()
    {
        var (code, _, error) = CliRunner.Run("compile", NodeCase("test_relu"), "-o", Path.Combine(_folder, "r.c"), "--entry-func-name", "relu_net",
            "--exec-mode", "interpret", "--emit-value-reset", "--emit-value-id-as-int", "--emit-data-as-c");
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(Files(), Is.EqualTo(new[] { "r.c", "r.data.c", "r.h" }));
        string source = File.ReadAllText(Path.Combine(_folder, "r.c"));
        Assert.That(source, Does.Contain("(C99, ODLA, interpret mode)").And.Contain("(odla_value_id)(odla_size_t)1").And.Contain("relu_net_run"));
        Assert.That(source, Does.Contain("odla_BindToArgument(v0, inputs[0], ctx)"));
    }

    [Test]
    public void Compile_TargetCxxWithDotCOutput_UsesTheTarget()
    {
        var (code, _, error) = CliRunner.Run("compile", NodeCase("test_relu"), "-o", Path.Combine(_folder, "r.c"), "--target", "cxx");
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(File.ReadAllText(Path.Combine(_folder, "r.c")), Does.Contain("(C++17, ODLA"));
    }

    [Test]
    public void Compile_UnsupportedOperator_ReportsHALO4101AndWritesNothing()
    {
        var (code, _, error) = CliRunner.Run("compile", NodeCase("test_nonzero_example"), "-o", Path.Combine(_folder, "nz.cc"));
        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("error HALO4101").And.Contain("'NonZero'").And.Contain("model.onnx"));
        Assert.That(Files(), Is.Empty);
    }

    [Test]
    public void Compile_MissingOutputFolder_ReportsHALO6021()
    {
        var (code, _, error) = CliRunner.Run("compile", NodeCase("test_relu"), "-o", Path.Combine(_folder, "missing", "r.cc"));
        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("error HALO6021"));
    }

    [Test]
    public void Compile_OutputPathIsAFolder_ReportsHALO6020AndLeavesNoFiles()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "r.cc"));
        var (code, _, error) = CliRunner.Run("compile", NodeCase("test_relu"), "-o", Path.Combine(_folder, "r.cc"));
        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("error HALO6020"));
        Assert.That(Files(), Is.EqualTo(new[] { "r.cc" }), "no temporary or partial file is left");
    }

    [Test]
    public void Compile_BadExecMode_IsAnArgumentError()
    {
        var (code, _, error) = CliRunner.Run("compile", NodeCase("test_relu"), "-o", Path.Combine(_folder, "r.cc"), "--exec-mode", "jit");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("error HALO6001"));
    }
}
