using System.Diagnostics;
using System.Reflection;
using Halo.Odla.Native;
using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Odla.Native;

/// <summary>Runs the C/C++ compilers and native programs for the [Category("Native")] tests.</summary>
internal static class NativeTestTools
{
    /// <summary>The reference runtime beside the test assembly (copied there by the project reference).</summary>
    public static OdlaRuntimeLocation ReferenceRuntime()
    {
        var location = OdlaRuntimeLocator.Find();
        Assert.That(location, Is.Not.Null, "libodla_reference.so and odla/include were not copied beside the tests");
        return location!;
    }

    /// <summary>The CMake-built test program of the reference runtime, for the configuration of this build.</summary>
    public static string ReferenceTestProgram()
    {
        var configuration = typeof(OdlaRuntimeLocator).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var path = Path.Combine(RepositoryPaths.Root, "Halo.Odla.Native", "obj", "native", configuration, "odla_reference_tests");
        Assert.That(File.Exists(path), Is.True, "the MSBuild native build did not produce " + path);
        return path;
    }

    public static ProcessResult Run(string fileName, IEnumerable<string> arguments) => RunWithEnvironment(fileName, arguments);

    public static ProcessResult RunWithEnvironment(string fileName, IEnumerable<string> arguments, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + fileName);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>A fresh temporary directory, deleted by the caller's <see cref="IDisposable"/>.</summary>
    public static TemporaryDirectory CreateTemporaryDirectory() => new();

    internal sealed record ProcessResult(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit code {ExitCode}\n{Output}\n{Error}";
    }

    internal sealed class TemporaryDirectory : IDisposable
    {
        public TemporaryDirectory()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "halo-odla-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
