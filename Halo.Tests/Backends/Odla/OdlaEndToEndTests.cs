using System.Runtime.InteropServices;
using Halo.Backends.Odla;
using Halo.Core.Compilation;
using Halo.Frontends.Onnx;
using Halo.Passes.Inference;
using Halo.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Halo.Tests.Backends.Odla;

/// <summary>Generated code linked with the reference runtime (built from <c>Halo.Odla.Native</c> with CMake) reproduces
/// a torchvision model's reference output, in compile mode (C++, ELF weights) and interpret mode (C99, value reset,
/// integer ids). Ignored where the runtime's sources are not in the tree.</summary>
[TestFixture]
[Category("Native")]
[Category("Slow")]
public sealed class OdlaEndToEndTests
{
    private const string Model = "squeezenet1_1";
    private string? _library;

    [OneTimeSetUp]
    public void BuildRuntime()
    {
        string sources = Path.Combine(RepositoryPaths.Root, "Halo.Odla.Native");
        if (!File.Exists(Path.Combine(sources, "CMakeLists.txt")))
        {
            return;
        }
        string build = OdlaTestCompiler.TemporaryFolder("odla-runtime");
        OdlaTestCompiler.Run("cmake", build, "-S", sources, "-B", build, "-DCMAKE_BUILD_TYPE=Release");
        OdlaTestCompiler.Run("cmake", build, "--build", build, "--target", "odla_reference", "-j", "2");
        _library = Directory.GetFiles(build, "libodla_reference.so", SearchOption.AllDirectories).FirstOrDefault();
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Squeezenet_GeneratedCodeOnReferenceRuntime_MatchesReferenceOutput(bool interpret)
    {
        if (_library is null)
        {
            Assert.Ignore("Halo.Odla.Native (the reference runtime) is not in this tree");
        }
        var services = new ServiceCollection();
        services.AddHalo(h => h.AddOnnx().AddStandardPasses());
        using var provider = services.BuildServiceProvider();
        var pipeline = provider.GetRequiredService<CompilationPipeline>();
        string caseDir = Path.Combine(RepositoryPaths.Corpora, "torchvision", Model);
        var model = pipeline.CreateCompilation(Path.Combine(caseDir, "model.onnx"), null).GetModel()!;
        var graph = new TypeReinferrer(pipeline.Registry).Rewrite(model.Graph);
        var options = interpret
            ? new OdlaCodeGenOptions { Target = OdlaTarget.C, ExecMode = OdlaExecMode.Interpret, EmitValueReset = true, EmitValueIdAsInt = true }
            : OdlaCodeGenOptions.Default;
        var artifacts = OdlaTestGraphs.Generate(graph, options with { EntryFunctionName = Model });

        string folder = OdlaTestCompiler.TemporaryFolder("e2e-" + (interpret ? "interpret" : "compile"));
        File.WriteAllText(Path.Combine(folder, artifacts.SourceFileName), artifacts.SourceText);
        File.WriteAllText(Path.Combine(folder, artifacts.HeaderFileName), artifacts.HeaderText);
        File.WriteAllBytes(Path.Combine(folder, artifacts.WeightsFileName), [.. artifacts.GetWeightsBytes()]);
        File.WriteAllText(Path.Combine(folder, "main.c"), Driver(Model));
        var input = OnnxTensorFile.ReadTensor(Path.Combine(caseDir, "test_data_set_0", "input_0.pb")).Value!.Tensor!;
        var expected = OnnxTensorFile.ReadTensor(Path.Combine(caseDir, "test_data_set_0", "output_0.pb")).Value!.Tensor!;
        File.WriteAllBytes(Path.Combine(folder, "input.bin"), input.Bytes.ToArray());

        string libraryDir = Path.GetDirectoryName(_library)!;
        string compiler = interpret ? "gcc" : "g++";
        string standard = interpret ? "-std=c99" : "-std=c++17";
        OdlaTestCompiler.Run(compiler, folder, standard, "-O1", "-I" + OdlaTestCompiler.IncludeDir, "-c", artifacts.SourceFileName, "-o", "model.o");
        OdlaTestCompiler.Run("gcc", folder, "-std=c99", "-c", "main.c", "-o", "main.o");
        OdlaTestCompiler.Run("g++", folder, "main.o", "model.o", artifacts.WeightsFileName, "-L" + libraryDir, "-lodla_reference",
            "-Wl,-rpath," + libraryDir, "-o", "run");
        OdlaTestCompiler.Run(Path.Combine(folder, "run"), folder, "input.bin", input.Bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "output.bin", expected.Bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var actual = MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(Path.Combine(folder, "output.bin")));
        var reference = expected.AsSpan<float>();
        Assert.That(actual.Length, Is.EqualTo(reference.Length));
        for (int i = 0; i < reference.Length; i++)
        {
            Assert.That(actual[i], Is.EqualTo(reference[i]).Within(1e-4 + (1e-3 * Math.Abs(reference[i]))), $"element {i}");
        }
    }

    private static string Driver(string entry) => $$"""
        #include <stdio.h>
        #include <stdlib.h>
        int {{entry}}_run(const void* const* inputs, void* const* outputs);
        int main(int argc, char** argv) {
          long in_bytes, out_bytes;
          void* input;
          void* output;
          FILE* file;
          int rc;
          if (argc != 5) return 2;
          in_bytes = atol(argv[2]);
          out_bytes = atol(argv[4]);
          input = malloc(in_bytes);
          output = malloc(out_bytes);
          file = fopen(argv[1], "rb");
          if (file == NULL || fread(input, 1, in_bytes, file) != (size_t)in_bytes) return 3;
          fclose(file);
          {
            const void* inputs[1];
            void* outputs[1];
            inputs[0] = input;
            outputs[0] = output;
            rc = {{entry}}_run(inputs, outputs);
          }
          file = fopen(argv[3], "wb");
          if (file == NULL || fwrite(output, 1, out_bytes, file) != (size_t)out_bytes) return 4;
          fclose(file);
          return rc;
        }
        """;
}
