using System.Runtime.InteropServices;
using Halo.Backends.Odla;
using Halo.Core.Compilation;
using Halo.Core.IR;
using Halo.Frontends.Onnx;
using Halo.Odla.Native;
using Halo.Odla.Native.Loading;
using Halo.Odla.Native.Toolchain;
using Halo.Passes.Layout;
using Halo.Passes.Options;
using Halo.Tests.Odla.Native.Toolchain;
using Halo.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Halo.Tests.Backends.Odla;

/// <summary><c>--reorder-data-layout</c> end to end: torchvision models after the standard passes and
/// <see cref="ReorderDataLayout"/> (channel-last), generated as C++, built against the reference runtime and run
/// through <see cref="CompiledModelLibrary"/>, reproduce the ONNX reference output.</summary>
[TestFixture]
[Category("Native")]
[Category("Slow")]
public sealed class OdlaLayoutEndToEndTests
{
    private NativeTestDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new NativeTestDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [TestCase("resnet18", false)]
    [TestCase("resnet18", true)]
    [TestCase("mobilenet_v2", false)]
    [TestCase("mobilenet_v2", true)]
    public async Task ChannelLastModel_OnReferenceRuntime_MatchesReferenceOutput(string modelName, bool removeInputTranspose)
    {
        string caseDir = Path.Combine(RepositoryPaths.Corpora, "torchvision", modelName);
        var graph = Compile(caseDir, removeInputTranspose);
        var input = OnnxTensorFile.ReadTensor(Path.Combine(caseDir, "test_data_set_0", "input_0.pb")).Value!.Tensor!;
        var expected = OnnxTensorFile.ReadTensor(Path.Combine(caseDir, "test_data_set_0", "output_0.pb")).Value!.Tensor!;
        float[] data = input.AsSpan<float>().ToArray();
        if (removeInputTranspose)
        {
            // The input is declared NHWC now: the caller supplies transposed data.
            Assert.That(graph.Inputs.Single().Type.ToString(), Is.EqualTo("f32[1,224,224,3]"));
            data = ToChannelLast(data, channels: 3, plane: 224 * 224);
        }
        var artifacts = OdlaTestGraphs.Generate(graph, OdlaCodeGenOptions.Default with { EntryFunctionName = "model" });
        Assert.That(artifacts.SourceText, Does.Contain("ODLA_CHANNELS_LAST"));
        Assert.That(artifacts.SourceText, Does.Not.Contain("ODLA_CHANNELS_FIRST"), "every layout operator is channel-last");

        using CompiledModelLibrary model = CompiledModelLibrary.Load(await BuildAsync(artifacts), "model");
        byte[] output = new byte[expected.Bytes.Length];
        model.Run([MemoryMarshal.AsBytes(data.AsSpan()).ToArray()], [output]);

        var actual = MemoryMarshal.Cast<byte, float>(output);
        var reference = expected.AsSpan<float>();
        Assert.That(actual.Length, Is.EqualTo(reference.Length));
        for (int i = 0; i < reference.Length; i++)
        {
            Assert.That(actual[i], Is.EqualTo(reference[i]).Within(1e-4 + (1e-3 * Math.Abs(reference[i]))), $"element {i}");
        }
    }

    [Test]
    public void Resnet18_RemoveInputTranspose_DropsTheInputTransposeFromTheCode()
    {
        string caseDir = Path.Combine(RepositoryPaths.Corpora, "torchvision", "resnet18");
        var options = OdlaCodeGenOptions.Default with { EntryFunctionName = "model" };

        var kept = OdlaTestGraphs.Generate(Compile(caseDir, removeInputTranspose: false), options);
        var removed = OdlaTestGraphs.Generate(Compile(caseDir, removeInputTranspose: true), options);

        Assert.That(OdlaTestGraphs.Call(kept.SourceText, "odla_Transpose"), Does.Contain("{0, 2, 3, 1}"));
        Assert.That(removed.SourceText, Does.Not.Contain("{0, 2, 3, 1}"));
        Assert.That(Count(removed.SourceText, "odla_Transpose("), Is.EqualTo(Count(kept.SourceText, "odla_Transpose(") - 1));
        Assert.That(kept.HeaderText, Does.Contain("[1 * 3 * 224 * 224]"));
        Assert.That(removed.HeaderText, Does.Contain("[1 * 224 * 224 * 3]"));
    }

    private static Graph Compile(string caseDir, bool removeInputTranspose)
    {
        string path = Path.Combine(caseDir, "model.onnx");
        if (!File.Exists(path))
        {
            Assert.Ignore("corpus model missing: " + path);
        }
        var services = new ServiceCollection();
        services.AddHalo(h => h.AddOnnx().AddStandardPasses());
        using var provider = services.BuildServiceProvider();
        var pipeline = provider.GetRequiredService<CompilationPipeline>();
        var options = new CompilePassOptions
        {
            DataLayout = new DataLayoutOptions { Target = DataLayout.ChannelLast, RemoveInputTranspose = removeInputTranspose },
        };
        var compilation = pipeline.CreateCompilation(path, options: null).AddPasses([.. CompilePasses.Create(options)]);
        var model = compilation.GetModel();
        Assert.That(compilation.GetDiagnostics().Where(d => d.IsError), Is.Empty);
        return model!.Graph;
    }

    private async Task<string> BuildAsync(OdlaArtifacts artifacts)
    {
        var runtime = OdlaRuntimeLocator.Find();
        Assert.That(runtime, Is.Not.Null, "the reference runtime beside the test assembly (built with Halo.Odla.Native)");
        string source = _dir.Write(artifacts.SourceFileName, artifacts.SourceText);
        _dir.Write(artifacts.HeaderFileName, artifacts.HeaderText);
        string weights = _dir.File(artifacts.WeightsFileName);
        await File.WriteAllBytesAsync(weights, [.. artifacts.GetWeightsBytes()]);
        var request = NativeBuildRequest.ForOdlaModel(source, weights, runtime!.IncludeDirectory, runtime.LibraryPath, _dir.File("libmodel.so"));

        var built = await NativeTestDirectory.FindToolchain().BuildAsync(request);

        Assert.That(built.Success, Is.True, string.Join('\n', built.Diagnostics));
        return built.OutputPath!;
    }

    /// <summary>NCHW (batch 1) to NHWC.</summary>
    private static float[] ToChannelLast(float[] data, int channels, int plane)
    {
        var result = new float[data.Length];
        for (int c = 0; c < channels; c++)
        {
            for (int i = 0; i < plane; i++)
            {
                result[(i * channels) + c] = data[(c * plane) + i];
            }
        }
        return result;
    }

    private static int Count(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}
