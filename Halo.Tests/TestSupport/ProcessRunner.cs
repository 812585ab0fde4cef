using System.Diagnostics;

namespace Halo.Tests.TestSupport;

/// <summary>Runs a program (a compiler, a built sample, a native test program) without a shell and captures its
/// output; the one process runner of the native tests.</summary>
internal static class ProcessRunner
{
    /// <summary>Runs <paramref name="fileName"/> in the system temp folder with extra environment variables.</summary>
    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, params (string Name, string Value)[] environment) =>
        RunIn(Path.GetTempPath(), fileName, arguments, environment);

    /// <summary>Runs <paramref name="fileName"/> in <paramref name="workingDirectory"/>.</summary>
    public static ProcessResult RunIn(string workingDirectory, string fileName, IEnumerable<string> arguments,
        params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + fileName);
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, output, error.Result);
    }
}
