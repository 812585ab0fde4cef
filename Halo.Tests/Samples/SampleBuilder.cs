using Halo.Odla.Native;
using Halo.Odla.Native.Toolchain;
using Halo.Tests.Cli;
using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Samples;

/// <summary>Builds a sample the way its run script does: <c>halo compile</c>, then the C/C++ compiler against the
/// reference runtime beside the tests. Each instance owns a temporary folder.</summary>
internal sealed class SampleBuilder : IDisposable
{
    private readonly TemporaryDirectory _directory = new("halo-sample-");

    public string Folder => _directory.Path;

    /// <summary>Runs <c>halo compile</c> with <paramref name="arguments"/>; fails the test on a non-zero exit.</summary>
    public static void Compile(params string[] arguments)
    {
        var (exitCode, _, error) = CliRunner.Run(["compile", .. arguments]);
        Assert.That(exitCode, Is.Zero, error);
    }

    /// <summary>Compiles and links <paramref name="sources"/> and <paramref name="objects"/> into an executable.</summary>
    public string BuildExecutable(string name, IEnumerable<string> sources, IEnumerable<string> objects, params string[] extraLibraries)
    {
        var runtime = OdlaRuntimeLocator.Find();
        Assert.That(runtime, Is.Not.Null, "the reference runtime was not copied beside the tests");
        Assert.That(NativeToolchain.TryFind(NativeToolchainOptions.Default, out var toolchain, out var missing), Is.True, missing?.ToString());
        var request = new NativeBuildRequest
        {
            Sources = [.. sources],
            Objects = [.. objects],
            OutputPath = Path.Combine(Folder, name),
            Kind = NativeOutputKind.Executable,
            Compile = CompilerOptions.Default with
            {
                WarningsAsErrors = true,
                IncludeDirectories = [runtime!.IncludeDirectory, Folder],
            },
            Link = LinkOptions.Default with
            {
                LibraryDirectories = [runtime.LibraryDirectory],
                Libraries = ["odla_reference", .. extraLibraries],
                RunPaths = [runtime.LibraryDirectory],
            },
        };
        var result = toolchain!.BuildAsync(request).GetAwaiter().GetResult();
        Assert.That(result.Success, Is.True, string.Join(Environment.NewLine, result.Diagnostics));
        return result.OutputPath!;
    }

    public void Dispose() => _directory.Dispose();
}
