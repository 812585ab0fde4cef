using System.Runtime.InteropServices;
using Halo.Backends.Odla;
using Halo.Core.Compilation;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;
using Halo.Frontends.Onnx;
using Halo.Odla.Native;
using Halo.Odla.Native.Loading;
using Halo.Odla.Native.Toolchain;
using Halo.Passes.Layout;
using Halo.Passes.Options;
using Halo.Tests.Odla.Native.Toolchain;
using Halo.Tests.Passes;
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
    public async Task EveryLayoutOperator_ChannelLastOnReferenceRuntime_MatchesReferenceEvaluator()
    {
        var graph = LayoutBlock();
        var reordered = PassTestSupport.Run(new ReorderDataLayout(new DataLayoutOptions { Target = DataLayout.ChannelLast }), graph);
        float[] x = [.. Enumerable.Range(0, 3 * 8 * 8).Select(i => ((i * 7) % 17 - 8) * 0.125f)];
        var expected = ReferenceEvaluator.Default.Evaluate(graph, [new TensorValue(TensorData.FromFloats(x, 1, 3, 8, 8))]);
        var artifacts = OdlaTestGraphs.Generate(reordered, OdlaCodeGenOptions.Default with { EntryFunctionName = "model" });
        foreach (string call in new[] { "odla_Conv", "odla_MaxPool", "odla_BatchNormalization", "odla_AveragePool" })
        {
            Assert.That(OdlaTestGraphs.Call(artifacts.SourceText, call), Does.Contain("ODLA_CHANNELS_LAST"), call);
        }
        Assert.That(artifacts.SourceText, Does.Not.Contain("ODLA_CHANNELS_FIRST"));

        using CompiledModelLibrary model = CompiledModelLibrary.Load(await BuildAsync(artifacts), "model");
        var reference = expected.Select(v => ((TensorValue)v).Data).ToArray();
        byte[][] outputs = [.. reference.Select(r => new byte[r.Bytes.Length])];
        model.Run([MemoryMarshal.AsBytes(x.AsSpan()).ToArray()], [.. outputs.Select(o => (Memory<byte>)o)]);

        for (int o = 0; o < outputs.Length; o++)
        {
            var actual = MemoryMarshal.Cast<byte, float>(outputs[o]);
            var wanted = reference[o].AsSpan<float>();
            for (int i = 0; i < wanted.Length; i++)
            {
                Assert.That(actual[i], Is.EqualTo(wanted[i]).Within(1e-5 + (1e-4 * Math.Abs(wanted[i]))), $"output {o} element {i}");
            }
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

    /// <summary>x [1,3,8,8] → Conv(bias, pads) → Relu → MaxPool → BatchNormalization → AveragePool(pads, count_include_pad)
    /// as output z, and its GlobalAveragePool as output y: every operator <see cref="ReorderDataLayout"/> makes channel-last.</summary>
    private static Graph LayoutBlock()
    {
        static float[] Values(int count, float scale, float shift = 0) => [.. Enumerable.Range(0, count).Select(i => ((i % 11) - 5) * scale + shift)];
        var b = new GraphBuilder(opsets: PassTestSupport.Opset17);
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 1, 3, 8, 8));
        var w = b.AddConstant("w", TensorData.FromFloats(Values(4 * 3 * 3 * 3, 0.05f), 4, 3, 3, 3));
        var bias = b.AddConstant("bias", TensorData.FromFloats(Values(4, 0.1f), 4));
        var conv = b.AddOp("Relu", b.AddOp("Conv", [x, w, bias], OdlaTestGraphs.Attrs(("pads", new long[] { 1, 1, 1, 1 })))[0]);
        var pool = b.AddOp("MaxPool", [conv], OdlaTestGraphs.Attrs(("kernel_shape", new long[] { 2, 2 }), ("strides", new long[] { 2, 2 })))[0];
        var stats = Enumerable.Range(0, 4).Select(i => b.AddConstant("bn" + i, TensorData.FromFloats(Values(4, 0.02f * (i + 1), 1f), 4))).ToArray();
        var norm = b.AddOp("BatchNormalization", [pool, .. stats], OdlaTestGraphs.Attrs(("epsilon", 1e-3f)))[0];
        var average = b.AddOp("AveragePool", [norm], OdlaTestGraphs.Attrs(("kernel_shape", new long[] { 3, 2 }), ("pads", new long[] { 1, 0, 1, 1 }),
            ("count_include_pad", 1L)))[0];
        b.AddOutput(b.AddOp("GlobalAveragePool", average), "y");
        b.AddOutput(average, "z");
        Assert.That(b.Diagnostics, Is.Empty);
        return b.Build("block");
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
