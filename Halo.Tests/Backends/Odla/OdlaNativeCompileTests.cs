using Halo.Backends.Odla;
using Halo.Core.Compilation;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using static Halo.Tests.Backends.Odla.OdlaTestGraphs;

namespace Halo.Tests.Backends.Odla;

/// <summary>Generated code compiles warning-free with g++ (C++17) and gcc (C99) against the ODLA headers.</summary>
[TestFixture]
[Category("Native")]
public sealed class OdlaNativeCompileTests
{
    private static readonly string[] s_torchvision = ["squeezenet1_1", "mobilenet_v2", "resnet18", "shufflenet_v2_x1_0"];

    private static readonly OdlaCodeGenOptions s_interpretC = new()
    {
        Target = OdlaTarget.C, ExecMode = OdlaExecMode.Interpret, EmitValueReset = true, EmitValueIdAsInt = true, EmitDataAsC = true,
    };

    [TestCaseSource(nameof(s_torchvision))]
    [Category("Slow")]
    public void Torchvision_GeneratedCxxAndC_CompileWarningFree(string model)
    {
        var services = new ServiceCollection();
        services.AddHalo(h => h.AddOnnx().AddStandardPasses());
        using var provider = services.BuildServiceProvider();
        var pipeline = provider.GetRequiredService<CompilationPipeline>();
        var compilation = pipeline.CreateCompilation(Path.Combine(RepositoryPaths.Corpora, "torchvision", model, "model.onnx"), null);
        var imported = compilation.GetModel();
        Assert.That(imported, Is.Not.Null, string.Join("\n", compilation.GetDiagnostics()));
        var graph = imported!.Graph;

        using var temp = new TemporaryDirectory();
        string folder = temp.Path;
        var cxx = Generate(graph, OdlaCodeGenOptions.Default with { EntryFunctionName = model });
        WriteAll(folder, cxx);
        OdlaTestCompiler.CompileCxx(folder, cxx.SourceFileName);
        string symbols = OdlaTestCompiler.Run("nm", folder, cxx.WeightsFileName);
        Assert.That(symbols, Does.Contain(" R " + model + "_w0"));

        // PERF: the weights as C would be megabytes of hex literals; the small graphs compile the C data form.
        var c = Generate(graph, s_interpretC with { EntryFunctionName = model, OutputBaseName = model + "_c", EmitDataAsC = false });
        WriteAll(folder, c);
        OdlaTestCompiler.CompileC(folder, c.SourceFileName);
        Assert.That(cxx.Entry.Inputs.Single().Shape, Is.EqualTo(new long[] { 1, 3, 224, 224 }));
        Assert.That(cxx.Entry.Outputs.Single().Shape, Is.EqualTo(new long[] { 1, 1000 }));
    }

    private static IEnumerable<TestCaseData> SmallGraphs()
    {
        yield return Case("mnist", OdlaCodeGeneratorTests.Mnist());
        yield return Case("conv", SingleOp("Conv", Attrs(("pads", new long[] { 1, 1, 1, 1 }), ("group", 2L)), 1, F32(1, 4, 5, 5), Floats([4, 2, 3, 3], new float[72]), Floats([4], new float[4])));
        yield return Case("maxpool", SingleOp("MaxPool", Attrs(("kernel_shape", new long[] { 2, 2 })), 1, F32(1, 1, 4, 4)));
        yield return Case("gap", SingleOp("GlobalAveragePool", null, 1, F32(1, 3, 4, 4)));
        yield return Case("gemm", SingleOp("Gemm", Attrs(("transA", 1L)), 1, F32(3, 2), F32(3, 4)));
        yield return Case("matmul1d", SingleOp("MatMul", null, 1, F32(3), F32(3, 4)));
        yield return Case("concat", SingleOp("Concat", Attrs(("axis", 0L)), 1, F32(2), F32(3)));
        yield return Case("split", SingleOp("Split", Attrs(("axis", 0L)), 2, F32(4), Ints(1, 3)));
        yield return Case("slice", SingleOp("Slice", null, 1, F32(5), Ints(4), Ints(0), Ints(0), Ints(-2)));
        yield return Case("pad", SingleOp("Pad", null, 1, F32(2, 2), Ints(1, 1, 1, 1)));
        yield return Case("clip", SingleOp("Clip", null, 1, F32(2)));
        yield return Case("topk", SingleOp("TopK", null, 2, F32(5), Ints(2)));
        yield return Case("einsum", SingleOp("Einsum", Attrs(("equation", "ij,jk->ik")), 1, F32(2, 3), F32(3, 4)));
        yield return Case("argmax", SingleOp("ArgMax", null, 1, F32(3, 4)));
        yield return Case("cast", SingleOp("Cast", Attrs(("to", (long)ElementType.Double)), 1, F32(3)));
        yield return Case("where", SingleOp("Where", null, 1, TensorType.Of(ElementType.Bool, 3), F32(3), F32(3)));
        yield return Case("reducel2", SingleOp("ReduceL2", null, 1, 13L, F32(3, 4)));
        yield return Case("resize", SingleOp("Resize", null, 1, F32(1, 1, 2, 2), null, TensorData.FromFloats([1f, 1f, 2f, 2f], 4)));
        yield return Case("cumsum", SingleOp("CumSum", null, 1, F32(4), TensorData.FromInt64s([0])));
        yield return Case("lstm", SingleOp("LSTM", Attrs(("hidden_size", 4L)), 3, F32(2, 1, 3), F32(1, 16, 3), F32(1, 16, 4)));
        yield return Case("gru", SingleOp("GRU", Attrs(("hidden_size", 4L), ("direction", "bidirectional")), 2, F32(2, 1, 3), F32(2, 12, 3), F32(2, 12, 4)));
        yield return Case("copies", CopyGraph());
        yield return Case("noinputs", NoInputGraph());
    }

    private static TestCaseData Case(string name, Graph graph) => new TestCaseData(name, graph).SetName("SmallGraph_" + name + "_CompilesWarningFree");

    private static Graph CopyGraph()
    {
        var b = new GraphBuilder();
        var x = b.AddInput("x", F32(2));
        var r = b.AddOp("Relu", x);
        b.AddOutput(r, "r");
        b.AddOutput(x, "x_copy");
        b.AddOutput(b.AddConstant("k", Floats([1], 5f)), "k");
        b.AddOutput(r, "r_copy");
        return b.Build();
    }

    private static Graph NoInputGraph()
    {
        var b = new GraphBuilder();
        var c = b.AddConstant("c", Floats([2], 1f, -1f));
        b.AddOutput(b.AddOp("Abs", c), "y");
        return b.Build();
    }

    [TestCaseSource(nameof(SmallGraphs))]
    public void SmallGraph_CompilesWarningFree(string name, Graph graph)
    {
        using var temp = new TemporaryDirectory();
        string folder = temp.Path;
        var cxx = Generate(graph, OdlaCodeGenOptions.Default with { EntryFunctionName = "m_" + name });
        WriteAll(folder, cxx);
        OdlaTestCompiler.CompileCxx(folder, cxx.SourceFileName);
        var c = Generate(graph, s_interpretC with { EntryFunctionName = "m_" + name, OutputBaseName = name + "_c" });
        WriteAll(folder, c);
        OdlaTestCompiler.CompileC(folder, c.SourceFileName);
        OdlaTestCompiler.CompileC(folder, c.WeightsFileName);
    }

    [Test]
    public void ElfWeights_LinkIntoCProgram_SymbolBytesAreReadable()
    {
        using var temp = new TemporaryDirectory();
        string folder = temp.Path;
        var artifacts = Generate(OdlaCodeGeneratorTests.Mnist(), OdlaCodeGenOptions.Default with { EntryFunctionName = "mn" });
        WriteAll(folder, artifacts);
        File.WriteAllText(Path.Combine(folder, "main.c"), """
            #include <stdio.h>
            #include <stdint.h>
            extern const unsigned char mn_w0[];
            int main(void) {
              int i;
              for (i = 4; i < 8; ++i) printf("%02x", mn_w0[i]);
              printf(" %d\n", (int)((uintptr_t)mn_w0 % 64));
              return 0;
            }
            """);
        OdlaTestCompiler.Run("gcc", folder, "-std=c99", "-Wall", "-Wextra", "-Werror", "main.c", artifacts.WeightsFileName, "-o", "main");
        string output = OdlaTestCompiler.Run(Path.Combine(folder, "main"), folder);
        Assert.That(output.Trim(), Is.EqualTo("6f12833a 0"), "0.001f little-endian, 64-byte aligned");
        string readelf = OdlaTestCompiler.Run("readelf", folder, "-a", "-W", artifacts.WeightsFileName);
        Assert.That(readelf, Does.Contain("REL (Relocatable file)").And.Contain("OBJECT  GLOBAL DEFAULT    1 mn_w0"));
    }

    private static void WriteAll(string folder, OdlaArtifacts artifacts)
    {
        File.WriteAllText(Path.Combine(folder, artifacts.SourceFileName), artifacts.SourceText);
        File.WriteAllText(Path.Combine(folder, artifacts.HeaderFileName), artifacts.HeaderText);
        File.WriteAllBytes(Path.Combine(folder, artifacts.WeightsFileName), [.. artifacts.GetWeightsBytes()]);
    }
}
