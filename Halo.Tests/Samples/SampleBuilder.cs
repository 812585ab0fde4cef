using System.Diagnostics;
using Halo.Odla.Native;
using Halo.Odla.Native.Toolchain;
using Halo.Tests.Cli;
using NUnit.Framework;

namespace Halo.Tests.Samples;

/// <summary>Builds a sample the way its run script does: <c>halo compile</c>, then the C/C++ compiler against the
/// reference runtime beside the tests; runs the program. Each instance owns a temporary folder.</summary>
internal sealed class SampleBuilder : IDisposable
{
    public SampleBuilder() => Folder = Directory.CreateTempSubdirectory("halo-sample-").FullName;

    public string Folder { get; }

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

    /// <summary>Runs <paramref name="program"/>; returns its exit code and standard output.</summary>
    public static (int ExitCode, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
