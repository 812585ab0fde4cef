using System.Collections.Immutable;

namespace Halo.Odla.Native.Toolchain;

/// <summary>
/// Finds a compiler driver: the explicit path, then <c>CXX</c>, <c>CC</c>, then <c>g++</c>, <c>gcc</c>, <c>clang++</c>,
/// <c>clang</c> on <c>PATH</c>. Bounded: only those names, only the <c>PATH</c> folders, no shell, no recursive search.
/// </summary>
internal static class CompilerLocator
{
    private static readonly string[] s_wellKnownDrivers = ["g++", "gcc", "clang++", "clang"];

    // SECURITY: a hostile PATH with thousands of entries must not turn the search into a crawl.
    private const int MaxPathEntries = 256;

    /// <summary>Locates a driver, or returns null with <paramref name="tried"/> describing the search.</summary>
    public static CompilerDriver? Find(NativeToolchainOptions options, Func<string, string?> environment, out string tried)
    {
        string? path = environment("PATH");
        if (!string.IsNullOrWhiteSpace(options.CompilerPath))
        {
            CompilerDriver? explicitDriver = Resolve(options.CompilerPath, [], path);
            tried = "the compiler path '" + options.CompilerPath + "' does not exist or is not executable";
            return explicitDriver;
        }
        var attempts = new List<string>();
        if (options.UseCompilerEnvironmentVariables)
        {
            foreach (string variable in new[] { "CXX", "CC" })
            {
                string? value = environment(variable);
                if (string.IsNullOrWhiteSpace(value))
                {
                    continue;
                }
                // CXX may be "ccache g++": the first word is the program, the rest lead our arguments.
                string[] words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                CompilerDriver? fromVariable = Resolve(words[0], [.. words.Skip(1)], path);
                if (fromVariable is not null)
                {
                    tried = string.Empty;
                    return fromVariable;
                }
                attempts.Add(variable + "='" + value + "'");
            }
        }
        foreach (string name in s_wellKnownDrivers)
        {
            CompilerDriver? found = Resolve(name, [], path);
            if (found is not null)
            {
                tried = string.Empty;
                return found;
            }
        }
        attempts.Add(string.Join(", ", s_wellKnownDrivers) + " on PATH");
        tried = "tried " + string.Join("; ", attempts);
        return null;
    }

    private static CompilerDriver? Resolve(string program, ImmutableArray<string> leading, string? searchPath)
    {
        if (program.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            string full = Path.GetFullPath(program);
            return IsExecutable(full) ? new CompilerDriver(full, leading) : null;
        }
        foreach (string folder in (searchPath ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Take(MaxPathEntries))
        {
            string candidate = Path.Combine(folder, program);
            if (Path.IsPathRooted(candidate) && IsExecutable(candidate))
            {
                return new CompilerDriver(candidate, leading);
            }
        }
        return null;
    }

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }
        if (OperatingSystem.IsWindows())
        {
            return true;
        }
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
