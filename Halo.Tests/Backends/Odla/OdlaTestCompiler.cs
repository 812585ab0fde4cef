using System.Diagnostics;
using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Backends.Odla;

/// <summary>Runs g++/gcc on generated code against the ODLA headers: the repository's own
/// (<c>Halo.Odla.Native/include</c>) when present, otherwise the reference headers, laid out as
/// <c>ODLA/*.h</c> and <c>ODLA/ops/*.h</c> through symbolic links in a temporary folder (nothing copied).</summary>
internal static class OdlaTestCompiler
{
    private static readonly Lazy<string> s_includeDir = new(FindIncludeDir);

    public static string IncludeDir => s_includeDir.Value;

    /// <summary>Runs <paramref name="compiler"/> with <paramref name="arguments"/> in <paramref name="folder"/>; fails the
    /// test with the compiler's output on a non-zero exit.</summary>
    public static string Run(string compiler, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(compiler) { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start) ?? throw new AssertionException("cannot start " + compiler);
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"{compiler} {string.Join(' ', arguments)}:\n{stderr.Result}");
        return stdout;
    }

    public static void CompileCxx(string folder, string file) =>
        Run("g++", folder, "-std=c++17", "-Wall", "-Wextra", "-Werror", "-I" + IncludeDir, "-c", file, "-o", file + ".o");

    public static void CompileC(string folder, string file) =>
        Run("gcc", folder, "-std=c99", "-Wall", "-Wextra", "-Werror", "-I" + IncludeDir, "-c", file, "-o", file + ".o");

    public static string TemporaryFolder(string name)
    {
        string folder = Path.Combine(Path.GetTempPath(), "halo-odla-tests", name + "-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string FindIncludeDir()
    {
        string own = Path.Combine(RepositoryPaths.Root, "Halo.Odla.Native", "include");
        if (File.Exists(Path.Combine(own, "ODLA", "odla.h")))
        {
            return own;
        }
        string reference = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "reference", "halo", "odla-headers"));
        string root = TemporaryFolder("odla-include");
        string odla = Path.Combine(root, "ODLA");
        Directory.CreateDirectory(Path.Combine(odla, "ops"));
        foreach (string header in Directory.GetFiles(reference, "*.h"))
        {
            Link(Path.Combine(odla, Path.GetFileName(header)), header);
            if (Path.GetFileName(header).StartsWith("odla_ops_", StringComparison.Ordinal))
            {
                Link(Path.Combine(odla, "ops", Path.GetFileName(header)), header);
            }
        }
        return root;
    }

    private static void Link(string path, string target)
    {
        if (!File.Exists(path))
        {
            File.CreateSymbolicLink(path, target);
        }
    }
}
