using System.Runtime.InteropServices;

namespace Halo.Odla.Native;

/// <summary>
/// Finds the ODLA headers and a named runtime library (<c>libodla_&lt;name&gt;.so</c>) where builds and packages put
/// them: beside the calling application (<see cref="AppContext.BaseDirectory"/>, which project references and the
/// NuGet package fill with <c>runtimes/&lt;rid&gt;/native/</c> and <c>odla/include/</c>) or in an explicit directory.
/// Probing is bounded to a fixed list of candidate paths; nothing is searched recursively. Thread-safe (stateless).
/// </summary>
public static class OdlaRuntimeLocator
{
    /// <summary>The name of the portable reference runtime shipped by this package (<c>libodla_reference.so</c>).</summary>
    public const string ReferenceRuntime = "reference";

    /// <summary>The file name of a runtime's shared library on this platform, e.g. <c>libodla_reference.so</c>.</summary>
    /// <param name="runtimeName">Short runtime name: lower-case letters, digits and underscores.</param>
    /// <exception cref="ArgumentException"><paramref name="runtimeName"/> is empty or has other characters.</exception>
    public static string LibraryFileName(string runtimeName)
    {
        ValidateName(runtimeName);
        if (OperatingSystem.IsWindows())
        {
            return $"odla_{runtimeName}.dll";
        }
        return OperatingSystem.IsMacOS() ? $"libodla_{runtimeName}.dylib" : $"libodla_{runtimeName}.so";
    }

    /// <summary>
    /// Finds the include directory and the library of <paramref name="runtimeName"/>; null when either is absent.
    /// </summary>
    /// <param name="runtimeName">Short runtime name, <see cref="ReferenceRuntime"/> by default.</param>
    /// <param name="directory">
    /// Where to look instead of <see cref="AppContext.BaseDirectory"/>: a build output folder, an unpacked package
    /// (<c>build/native/include</c>), or a folder that holds the library and an <c>include</c> folder directly.
    /// </param>
    /// <returns>The absolute paths, or null when the runtime is not there.</returns>
    /// <exception cref="ArgumentException"><paramref name="runtimeName"/> is empty or has other characters.</exception>
    public static OdlaRuntimeLocation? Find(string runtimeName = ReferenceRuntime, string? directory = null)
    {
        var library = FindLibrary(runtimeName, directory);
        var include = FindIncludeDirectory(directory);
        return library is null || include is null ? null : new OdlaRuntimeLocation(runtimeName, include, library);
    }

    /// <summary>The absolute path of the runtime library, or null when it is absent.</summary>
    /// <param name="runtimeName">Short runtime name, e.g. <see cref="ReferenceRuntime"/>.</param>
    /// <param name="directory">Where to look instead of <see cref="AppContext.BaseDirectory"/> (see <see cref="Find"/>).</param>
    /// <exception cref="ArgumentException"><paramref name="runtimeName"/> is empty or has other characters.</exception>
    public static string? FindLibrary(string runtimeName, string? directory = null)
    {
        var fileName = LibraryFileName(runtimeName);
        var root = Root(directory);
        string[] candidates =
        [
            Path.Combine(root, "runtimes", RuntimeIdentifier, "native", fileName),
            Path.Combine(root, fileName),
            Path.Combine(root, "lib", fileName),
        ];
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>The absolute path of the directory holding <c>ODLA/odla.h</c>, or null when it is absent.</summary>
    /// <param name="directory">Where to look instead of <see cref="AppContext.BaseDirectory"/> (see <see cref="Find"/>).</param>
    public static string? FindIncludeDirectory(string? directory = null)
    {
        var root = Root(directory);
        string[] candidates =
        [
            Path.Combine(root, "odla", "include"),
            Path.Combine(root, "include"),
            Path.Combine(root, "build", "native", "include"),
        ];
        return candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, "ODLA", "odla.h")));
    }

    /// <summary>The runtime identifier whose native folder is probed, e.g. <c>linux-x64</c>.</summary>
    public static string RuntimeIdentifier
    {
        get
        {
            var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
            var arch = RuntimeInformation.ProcessArchitecture switch
            {
                Architecture.X64 => "x64",
                Architecture.Arm64 => "arm64",
                Architecture.X86 => "x86",
                Architecture.Arm => "arm",
                var other => other.ToString().ToLowerInvariant(),
            };
            return $"{os}-{arch}";
        }
    }

    private static string Root(string? directory) =>
        Path.GetFullPath(string.IsNullOrEmpty(directory) ? AppContext.BaseDirectory : directory);

    private static void ValidateName(string runtimeName)
    {
        // SECURITY: the name becomes part of a file path; only plain identifiers are accepted.
        if (string.IsNullOrEmpty(runtimeName) || !runtimeName.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
        {
            throw new ArgumentException(
                $"ODLA runtime name '{runtimeName}' must be lower-case letters, digits or underscores (e.g. 'reference').",
                nameof(runtimeName));
        }
    }
}
