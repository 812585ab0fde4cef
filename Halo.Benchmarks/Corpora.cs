namespace Halo.Benchmarks;

/// <summary>Finds <c>../shared/corpora</c> beside the repository (the folder that holds Halo.sln).</summary>
internal static class Corpora
{
    public static string Path(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Halo.sln")))
        {
            dir = dir.Parent;
        }
        string root = dir?.FullName ?? Directory.GetCurrentDirectory();
        return System.IO.Path.GetFullPath(System.IO.Path.Combine([root, "..", "shared", "corpora", .. parts]));
    }
}
