using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Backends.Odla;

/// <summary>Runs g++/gcc (and binutils) on generated code against the repository's ODLA headers
/// (<c>Halo.Odla.Native/include</c>).</summary>
internal static class OdlaTestCompiler
{
    public static string IncludeDir { get; } = Path.Combine(RepositoryPaths.Root, "Halo.Odla.Native", "include");

    /// <summary>Runs <paramref name="compiler"/> with <paramref name="arguments"/> in <paramref name="folder"/>; fails the
    /// test with the compiler's output on a non-zero exit.</summary>
    public static string Run(string compiler, string folder, params string[] arguments)
    {
        var result = ProcessRunner.RunIn(folder, compiler, arguments);
        Assert.That(result.ExitCode, Is.Zero, $"{compiler} {string.Join(' ', arguments)}:\n{result.Error}");
        return result.Output;
    }

    public static void CompileCxx(string folder, string file) =>
        Run("g++", folder, "-std=c++17", "-Wall", "-Wextra", "-Werror", "-I" + IncludeDir, "-c", file, "-o", file + ".o");

    public static void CompileC(string folder, string file) =>
        Run("gcc", folder, "-std=c99", "-Wall", "-Wextra", "-Werror", "-I" + IncludeDir, "-c", file, "-o", file + ".o");
}
