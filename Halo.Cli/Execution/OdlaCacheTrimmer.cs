using System.Globalization;

namespace Halo.Cli.Execution;

/// <summary>
/// Keeps the odla-reference build cache bounded: entries (a model's generated files and object, or a linked
/// library) are touched when used, and when the cache outgrows its limit the least recently used ones are deleted
/// until it is back under three quarters of it. Entries used within the last hour are never deleted, so a build
/// running beside this one (another halo process) does not lose the objects it is about to link.
/// </summary>
internal static class OdlaCacheTrimmer
{
    /// <summary>The environment variable with the cache limit in MiB (default 4096; 0 disables trimming).</summary>
    public const string LimitVariable = "HALO_NATIVE_CACHE_LIMIT_MB";

    private const long DefaultLimitMiB = 4096;
    private const string MarkerFile = "last-trim";
    private static readonly TimeSpan s_grace = TimeSpan.FromHours(1);
    private static readonly TimeSpan s_interval = TimeSpan.FromMinutes(10);

    /// <summary>Marks an entry folder as just used.</summary>
    public static void Touch(string folder)
    {
        try
        {
            Directory.SetLastWriteTimeUtc(folder, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only cache still works; it is only not trimmed by use.
        }
    }

    /// <summary>Trims <paramref name="root"/> (the cache's <c>odla</c> folder) to the configured limit, at most
    /// once every ten minutes per cache.</summary>
    public static void TrimIfDue(string root)
    {
        long limitMiB = long.TryParse(Environment.GetEnvironmentVariable(LimitVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out long n)
            && n >= 0 ? n : DefaultLimitMiB;
        string marker = Path.Combine(root, MarkerFile);
        try
        {
            if (limitMiB == 0 || (File.Exists(marker) && DateTime.UtcNow - File.GetLastWriteTimeUtc(marker) < s_interval))
            {
                return;
            }
            File.WriteAllText(marker, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            Trim(root, limitMiB * 1024 * 1024, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Trimming is housekeeping: a cache that cannot be trimmed still serves builds.
        }
    }

    /// <summary>Deletes least recently used entries older than the grace period while the cache exceeds
    /// <paramref name="limitBytes"/>, down to three quarters of it; returns the bytes left.</summary>
    public static long Trim(string root, long limitBytes, DateTime nowUtc)
    {
        var entries = Entries(root).Select(dir => (Path: dir, Bytes: FolderBytes(dir), Used: Directory.GetLastWriteTimeUtc(dir))).ToList();
        long total = entries.Sum(e => e.Bytes);
        if (total <= limitBytes)
        {
            return total;
        }
        foreach (var entry in entries.OrderBy(e => e.Used))
        {
            if (total <= limitBytes / 4 * 3 || nowUtc - entry.Used < s_grace)
            {
                break;
            }
            try
            {
                Directory.Delete(entry.Path, recursive: true);
                total -= entry.Bytes;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // In use or protected: leave it.
            }
        }
        return total;
    }

    // Model entries are models/XX/KEY, library entries libraries/KEY.
    private static IEnumerable<string> Entries(string root)
    {
        string models = Path.Combine(root, "models");
        string libraries = Path.Combine(root, "libraries");
        var modelEntries = Directory.Exists(models) ? Directory.EnumerateDirectories(models).SelectMany(Directory.EnumerateDirectories) : [];
        var libraryEntries = Directory.Exists(libraries) ? Directory.EnumerateDirectories(libraries) : [];
        return modelEntries.Concat(libraryEntries);
    }

    private static long FolderBytes(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
}
