using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Halo.Odla.Native.Toolchain;

/// <summary>
/// Built outputs keyed by a SHA-256 of everything that decides their bytes: the compiler (path, size, time), the
/// options, the contents (not the paths) of sources, prebuilt objects and headers under the include folders. Entries
/// are written to a temporary name and renamed, so concurrent builds and processes that have an output loaded never
/// see a half-written file.
/// </summary>
internal sealed class BuildCache(string directory)
{
    // SECURITY: bound the work of hashing include folders; /usr/include as an include folder is not cacheable.
    private const int MaxHeaderFiles = 2000;
    private static readonly string[] s_headerExtensions = [".h", ".hh", ".hpp", ".hxx", ".inc", ".inl"];

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>The key of a build, or null when it cannot be cached (too many headers).</summary>
    public static string? ComputeKey(CompilerDriver driver, NativeBuildRequest request)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var compiler = new FileInfo(driver.Path);
        AppendText(hash, "halo-native-cache/1", driver.Path, compiler.Length.ToString(CultureInfo.InvariantCulture),
            compiler.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture), string.Join(' ', driver.LeadingArguments),
            request.Kind.ToString(), Path.GetFileName(request.OutputPath));
        CompilerOptions c = request.Compile;
        AppendText(hash, c.CStandard, c.CxxStandard, c.OptimizationLevel.ToString(CultureInfo.InvariantCulture),
            c.PositionIndependent.ToString(), c.Warnings.ToString(), c.WarningsAsErrors.ToString(), c.DebugInformation.ToString(),
            string.Join('\n', c.Defines), string.Join('\n', c.ExtraArguments));
        LinkOptions l = request.Link;
        AppendText(hash, string.Join('\n', l.LibraryDirectories.Select(Path.GetFullPath)), string.Join('\n', l.Libraries),
            string.Join('\n', l.RunPaths), string.Join('\n', l.ExtraArguments));
        foreach (string file in request.Sources.Concat(request.Objects))
        {
            AppendFile(hash, Path.GetFileName(file), file);
        }
        int headers = 0;
        foreach (string include in c.IncludeDirectories.Where(System.IO.Directory.Exists))
        {
            var files = System.IO.Directory.EnumerateFiles(include, "*", SearchOption.AllDirectories)
                .Where(f => s_headerExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Take(MaxHeaderFiles + 1 - headers)
                .Select(f => Path.GetRelativePath(include, f))
                .Order(StringComparer.Ordinal)
                .ToList();
            headers += files.Count;
            if (headers > MaxHeaderFiles)
            {
                return null;
            }
            AppendText(hash, "-I");
            foreach (string relative in files)
            {
                AppendFile(hash, relative, Path.Combine(include, relative));
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Copies the cached output of <paramref name="key"/> to <paramref name="outputPath"/>; false on a miss.</summary>
    public bool TryRestore(string key, string outputPath)
    {
        string cached = EntryPath(key, outputPath);
        if (!File.Exists(cached))
        {
            return false;
        }
        ReplaceAtomically(cached, outputPath);
        return true;
    }

    /// <summary>Stores a built output under <paramref name="key"/>.</summary>
    public void Store(string key, string outputPath) => ReplaceAtomically(outputPath, EntryPath(key, outputPath));

    /// <summary>Copies <paramref name="source"/> over <paramref name="destination"/> through a temporary file and a rename.</summary>
    public static void ReplaceAtomically(string source, string destination)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        // A loaded shared library is memory-mapped: overwriting it in place crashes its users; a rename does not.
        string temporary = destination + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            File.Copy(source, temporary, overwrite: true);
            File.Move(temporary, destination, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private string EntryPath(string key, string outputPath) => Path.Combine(Directory, key, Path.GetFileName(outputPath));

    private static void AppendText(IncrementalHash hash, params string[] parts)
    {
        foreach (string part in parts)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(part));
            hash.AppendData([0]);
        }
    }

    private static void AppendFile(IncrementalHash hash, string name, string path)
    {
        AppendText(hash, name, new FileInfo(path).Length.ToString(CultureInfo.InvariantCulture));
        using FileStream stream = File.OpenRead(path);
        byte[] buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }
    }
}
