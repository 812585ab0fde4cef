using System.Runtime.InteropServices;
using Halo.Core.Diagnostics;
using Halo.Odla.Native.Loading;
using Halo.Odla.Native.Toolchain;
using Halo.Tests.Odla.Native.Toolchain;
using NUnit.Framework;

namespace Halo.Tests.Odla.Native.Loading;

[TestFixture]
[Category("Native")]
public sealed class CompiledModelLibraryTests
{
    private NativeTestDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new NativeTestDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public async Task Run_DemoLibrary_AddsTheTwoInputs()
    {
        string library = await BuildAsync("demo.c", DemoSources.AddTwoArrays, "libdemo.so");
        using CompiledModelLibrary model = CompiledModelLibrary.Load(library, "demo");
        byte[] a = Floats(1f, 2f, 3f, 4f), b = Floats(10f, 20f, 30f, 40f), output = new byte[4 * sizeof(float)];

        model.Run([a, b], [output]);

        Assert.That(MemoryMarshal.Cast<byte, float>(output).ToArray(), Is.EqualTo(new[] { 11f, 22f, 33f, 44f }));
        Assert.That(model.EntryName, Is.EqualTo("demo"));
        Assert.That(model.LibraryPath, Is.EqualTo(library));
    }

    [Test]
    public async Task Run_FromSeveralThreads_SerializesAndGivesEachItsResult()
    {
        string library = await BuildAsync("demo.c", DemoSources.AddTwoArrays, "libdemo.so");
        using CompiledModelLibrary model = CompiledModelLibrary.Load(library, "demo");

        float[][] results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
        {
            byte[] output = new byte[16];
            model.Run([Floats(i, i, i, i), Floats(1f, 2f, 3f, 4f)], [output]);
            return MemoryMarshal.Cast<byte, float>(output).ToArray();
        })));

        for (int i = 0; i < results.Length; i++)
        {
            Assert.That(results[i], Is.EqualTo(new[] { i + 1f, i + 2f, i + 3f, i + 4f }));
        }
    }

    [Test]
    public async Task Run_EntryReturnsNonZero_ThrowsHALO5012()
    {
        string library = await BuildAsync("demo.c", DemoSources.AddTwoArrays, "libdemo.so");
        using CompiledModelLibrary model = CompiledModelLibrary.Load(library, "demo");

        var e = Assert.Throws<NativeModelException>(() => model.Run([Floats(-1f, 0f, 0f, 0f), Floats(0f, 0f, 0f, 0f)], [new byte[16]]));

        Assert.That(e!.Diagnostic.Id, Is.EqualTo("HALO5012"));
        Assert.That(e.Diagnostic.Message, Does.Contain("demo_run").And.Contain("status 7"));
    }

    [Test]
    public async Task Dispose_CallsFiniOnceAndFurtherRunsThrow()
    {
        string marker = _dir.File("fini marker.txt");
        // The define's quotes reach the compiler as they are: no shell in between.
        string library = await BuildAsync("demo.c", DemoSources.AddTwoArrays, "libdemo.so", ["FINI_MARKER=\"" + marker + "\""]);
        CompiledModelLibrary model = CompiledModelLibrary.Load(library, "demo");

        model.Dispose();
        model.Dispose();

        Assert.That(File.ReadAllText(marker), Is.EqualTo("fini"));
        Assert.Throws<ObjectDisposedException>(() => model.Run([], []));
    }

    [Test]
    public async Task TryLoad_LibraryWithoutRun_ReportsHALO5011NamingTheEntryPoint()
    {
        string library = await BuildAsync("norun.c", DemoSources.WithoutRun, "libnorun.so");

        bool loaded = CompiledModelLibrary.TryLoad(library, "demo", out _, out Diagnostic? diagnostic);

        Assert.That(loaded, Is.False);
        Assert.That(diagnostic!.Id, Is.EqualTo("HALO5011"));
        Assert.That(diagnostic.Message, Does.Contain("'demo_run'"));
    }

    [Test]
    public async Task Load_WrongEntryName_ThrowsHALO5011()
    {
        string library = await BuildAsync("demo.c", DemoSources.AddTwoArrays, "libdemo.so");

        var e = Assert.Throws<NativeModelException>(() => CompiledModelLibrary.Load(library, "mnist"));

        Assert.That(e!.Diagnostic.Id, Is.EqualTo("HALO5011"));
        Assert.That(e.Diagnostic.Message, Does.Contain("'mnist_init'"));
    }

    [Test]
    public void TryLoad_MissingFile_ReportsHALO5010()
    {
        bool loaded = CompiledModelLibrary.TryLoad(_dir.File("libabsent.so"), "demo", out _, out Diagnostic? diagnostic);

        Assert.That(loaded, Is.False);
        Assert.That(diagnostic!.Id, Is.EqualTo("HALO5010"));
        Assert.That(diagnostic.Message, Does.Contain("does not exist"));
    }

    [Test]
    public void TryLoad_NotALibrary_ReportsHALO5010()
    {
        string fake = _dir.Write("libfake.so", "not an ELF file");

        bool loaded = CompiledModelLibrary.TryLoad(fake, "demo", out _, out Diagnostic? diagnostic);

        Assert.That(loaded, Is.False);
        Assert.That(diagnostic!.Id, Is.EqualTo("HALO5010"));
        Assert.That(diagnostic.Message, Does.EndWith("libfake.so: file too short"), "the dynamic loader's reason, not .NET's advice");
    }

    [Test]
    public async Task ForOdlaModel_SourceWeightsObjectAndRuntimeElsewhere_BuildsLoadsAndRuns()
    {
        // Stands in for the generated NAME.cc + NAME.bin (an ELF object with a .bin name) and libodla_reference.so.
        NativeToolchain toolchain = NativeTestDirectory.FindToolchain();
        string runtime = await BuildRuntimeAsync(toolchain, "runtime/libfake_runtime.so");
        string weightsSource = _dir.Write("weights/scale_weights.c", "const float scale_bias = 0.5f;\n");
        NativeBuildResult weights = await toolchain.CompileAsync(weightsSource, _dir.File("gen/scale.bin"), CompilerOptions.Default);
        Assert.That(weights.Success, Is.True, string.Join('\n', weights.Diagnostics));
        _dir.Write("gen/include/scale_runtime.h", "extern \"C\" float runtime_scale(void);\n");
        string model = _dir.Write("gen/scale.cc", ScaleModel);
        NativeBuildRequest request = NativeBuildRequest.ForOdlaModel(model, weights.OutputPath, _dir.File("gen/include"), runtime,
            _dir.File("model/libscale.so"));

        NativeBuildResult built = await toolchain.BuildAsync(request);

        Assert.That(built.Success, Is.True, string.Join('\n', built.Diagnostics));
        Assert.That(request.Link.Libraries, Is.EqualTo(new[] { "fake_runtime" }));
        Assert.That(request.Link.RunPaths[0], Is.EqualTo("$ORIGIN"));
        Assert.That(RunScale(built.OutputPath!, 21f), Is.EqualTo(42.5f));
    }

    [Test]
    public async Task Run_RuntimeBesideTheModel_IsFoundThroughOriginRunPath()
    {
        string library = await BuildScaleWithOriginRunPathAsync();

        Assert.That(RunScale(library, 21f), Is.EqualTo(42.5f));
    }

    [Test]
    public async Task TryLoad_RuntimeMissing_ReportsHALO5010NamingTheRuntime()
    {
        string library = await BuildScaleWithOriginRunPathAsync();
        File.Delete(_dir.File("out/libfake_runtime.so"));

        bool loaded = CompiledModelLibrary.TryLoad(library, "scale", out _, out Diagnostic? diagnostic);

        Assert.That(loaded, Is.False);
        Assert.That(diagnostic!.Id, Is.EqualTo("HALO5010"));
        Assert.That(diagnostic.Message, Does.Contain("libfake_runtime.so"));
    }

    private async Task<string> BuildScaleWithOriginRunPathAsync()
    {
        NativeToolchain toolchain = NativeTestDirectory.FindToolchain();
        string runtime = await BuildRuntimeAsync(toolchain, "out/libfake_runtime.so");
        _dir.Write("gen/scale_runtime.h", "extern \"C\" float runtime_scale(void);\n");
        string model = _dir.Write("gen/scale.cc", ScaleModel.Replace("extern \"C\" const float scale_bias;", "", StringComparison.Ordinal)
            .Replace("scale_bias", "0.5f", StringComparison.Ordinal));
        var request = new NativeBuildRequest
        {
            Sources = [model],
            OutputPath = _dir.File("out/libscale.so"),
            Compile = CompilerOptions.Default with { IncludeDirectories = [_dir.File("gen")] },
            // Only $ORIGIN (literally, no shell): the loader must find the runtime beside the model.
            Link = LinkOptions.Default with { LibraryDirectories = [Path.GetDirectoryName(runtime)!], Libraries = ["fake_runtime"], RunPaths = ["$ORIGIN"] },
        };
        NativeBuildResult built = await toolchain.BuildAsync(request);
        Assert.That(built.Success, Is.True, string.Join('\n', built.Diagnostics));
        return built.OutputPath!;
    }

    private const string ScaleModel = """
        #include <scale_runtime.h>
        extern "C" const float scale_bias;
        extern "C" void scale_init(void) {}
        extern "C" void scale_fini(void) {}
        extern "C" int scale_run(const void* const* in, void* const* out)
        {
            *static_cast<float*>(out[0]) = *static_cast<const float*>(in[0]) * runtime_scale() + scale_bias;
            return 0;
        }
        """;

    private async Task<string> BuildRuntimeAsync(NativeToolchain toolchain, string outputName)
    {
        string source = _dir.Write("rt/runtime.c", "float runtime_scale(void) { return 2.0f; }\n");
        NativeBuildResult runtime = await toolchain.BuildAsync(new NativeBuildRequest { Sources = [source], OutputPath = _dir.File(outputName) });
        Assert.That(runtime.Success, Is.True, string.Join('\n', runtime.Diagnostics));
        return runtime.OutputPath!;
    }

    private static float RunScale(string libraryPath, float input)
    {
        using CompiledModelLibrary library = CompiledModelLibrary.Load(libraryPath, "scale");
        byte[] output = new byte[4];
        library.Run([Floats(input)], [output]);
        return MemoryMarshal.Cast<byte, float>(output)[0];
    }

    private async Task<string> BuildAsync(string sourceName, string text, string libraryName, string[]? defines = null)
    {
        NativeToolchain toolchain = NativeTestDirectory.FindToolchain();
        string source = _dir.Write(sourceName, text);
        NativeBuildResult result = await toolchain.BuildAsync(new NativeBuildRequest
        {
            Sources = [source],
            OutputPath = _dir.File(libraryName),
            Compile = CompilerOptions.Default with { WarningsAsErrors = true, Defines = [.. defines ?? []] },
        });
        Assert.That(result.Success, Is.True, string.Join('\n', result.Diagnostics));
        return result.OutputPath!;
    }

    private static byte[] Floats(params float[] values) => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
}
