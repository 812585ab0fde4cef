using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Cli;

/// <summary>HALO's graph options of <c>halo compile</c>, each shown by its effect on the generated code or output.</summary>
[TestFixture]
public sealed class CompileGraphOptionsTests
{
    private string _folder = "";

    private static string Mnist => Path.Combine(RepositoryPaths.Corpora, "tf", "mnist_simple", "model.pb");

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("halo-compile-options-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private (string Header, string Source, string Output) Compile(params string[] options)
    {
        string source = Path.Combine(_folder, "m.cc");
        var (code, output, error) = CliRunner.Run(["compile", Mnist, "--entry-func-name", "m", "-o", source, .. options]);
        Assert.That(code, Is.Zero, error);
        return (File.ReadAllText(Path.Combine(_folder, "m.h")), File.ReadAllText(source), output);
    }

    [Test]
    public void Compile_UnknownBatchWithoutOptions_CompilesBatchOneLikeHalo()
    {
        Assert.That(Compile().Header, Does.Contain("void m(const float x[1 * 784], float out_y[1 * 10]);"));
    }

    [Test]
    public void Compile_BatchSize_ChangesTheEntrySignature()
    {
        Assert.That(Compile("--batch-size", "8").Header, Does.Contain("void m(const float x[8 * 784], float out_y[8 * 10]);"));
    }

    [Test]
    public void Compile_InputShape_ChangesTheEntrySignature()
    {
        Assert.That(Compile("--input-shape", "x:3x784").Header, Does.Contain("const float x[3 * 784], float out_y[3 * 10]"));
    }

    [Test]
    public void Compile_Outputs_CompilesOnlyTheSubgraph()
    {
        var (header, source, _) = Compile("--outputs", "add");
        Assert.That(header, Does.Contain("float out_add[1 * 10]").And.Not.Contain("out_y"));
        Assert.That(source, Does.Not.Contain("odla_Softmax"));
    }

    [Test]
    public void Compile_InputsAndOutputs_CompilesTheMiddle()
    {
        var (header, source, _) = Compile("--inputs", "add", "--outputs", "y");
        Assert.That(header, Does.Contain("void m(const float add[1 * 10], float out_y[1 * 10]);"));
        Assert.That(source, Does.Contain("odla_Softmax").And.Not.Contain("odla_Gemm"));
    }

    [Test]
    public void Compile_FuseMatMulBias_GemmTakesTheBiasAndTheAddDisappears()
    {
        string plain = Compile().Source;
        string fused = Compile("--fuse-matmul-bias").Source;
        Assert.That(plain, Does.Contain("odla_Add("));
        Assert.That(fused, Does.Not.Contain("odla_Add(").And.Contain("odla_Gemm("));
    }

    [Test]
    public void Compile_PrintMemStats_PrintsWeightsAndActivations()
    {
        string output = Compile("--print-mem-stats").Output;
        Assert.That(output, Does.Contain("Weights: 31,400 bytes (2 constants)"));
        Assert.That(output, Does.Contain("Inputs: 3,136 bytes"));
    }

    [Test]
    public void Compile_ReorderDataLayout_ConvolutionsRunChannelLastAndInputTransposeCanBeRemoved()
    {
        string model = Path.Combine(RepositoryPaths.Corpora, "onnx-node", "test_conv_with_strides_padding", "model.onnx");
        string source = Path.Combine(_folder, "c.cc");
        string header = Path.Combine(_folder, "c.h");
        var plain = CliRunner.Run("compile", model, "--entry-func-name", "c", "-o", source);
        Assert.That(plain.ExitCode, Is.Zero, plain.Error);
        Assert.That(File.ReadAllText(source), Does.Contain("ODLA_CHANNELS_FIRST").And.Not.Contain("ODLA_CHANNELS_LAST"));
        string nchwHeader = File.ReadAllText(header);

        var last = CliRunner.Run("compile", model, "--entry-func-name", "c", "-o", source, "--reorder-data-layout", "channel-last");
        Assert.That(last.ExitCode, Is.Zero, last.Error);
        Assert.That(File.ReadAllText(source), Does.Contain("ODLA_CHANNELS_LAST").And.Contain("odla_Transpose("));
        Assert.That(File.ReadAllText(header), Is.EqualTo(nchwHeader));

        var removed = CliRunner.Run("compile", model, "--entry-func-name", "c", "-o", source, "--reorder-data-layout", "channel-last",
            "--remove-input-transpose", "--remove-output-transpose");
        Assert.That(removed.ExitCode, Is.Zero, removed.Error);
        Assert.That(File.ReadAllText(source), Does.Contain("ODLA_CHANNELS_LAST").And.Not.Contain("odla_Transpose("));
        Assert.That(File.ReadAllText(header), Does.Contain("x[1 * 7 * 5 * 1]"));
    }

    [Test]
    public void Compile_MalformedInputShape_ReportsHALO3101AndWritesNothing()
    {
        var (code, _, error) = CliRunner.Run("compile", Mnist, "-o", Path.Combine(_folder, "m.cc"), "--input-shape", "x:3xy");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("HALO3101"));
        Assert.That(Directory.GetFiles(_folder), Is.Empty);
    }

    [Test]
    public void Compile_UnknownDataLayout_ReportsHALO3120()
    {
        var (code, _, error) = CliRunner.Run("compile", Mnist, "-o", Path.Combine(_folder, "m.cc"), "--reorder-data-layout", "diagonal");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("HALO3120"));
    }
}
