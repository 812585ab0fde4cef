using System.Collections.Immutable;
using Halo.Core.Diagnostics;
using Halo.Odla.Native.Diagnostics;

namespace Halo.Odla.Native.Toolchain;

public sealed partial class NativeToolchain
{
    /// <summary>
    /// Compiles the request's sources in parallel (at most <see cref="NativeToolchainOptions.MaxParallelism"/> at once,
    /// never more than the processor count), links them with its prebuilt objects into its output, and, when
    /// <see cref="NativeToolchainOptions.CacheDirectory"/> is set, reuses or stores the output by content hash.
    /// Intermediate objects live in a temporary folder that is deleted afterwards. The output is replaced by a
    /// rename, so a process that has the previous version loaded keeps running.
    /// </summary>
    public async Task<NativeBuildResult> BuildAsync(NativeBuildRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (string source in request.Sources)
        {
            CheckInput(source, SourceLanguages.Of(source) == SourceLanguage.Unknown ? "is not a C (.c) or C++ (.cc, .cpp, .cxx) source" : null, diagnostics);
        }
        foreach (string prebuilt in request.Objects)
        {
            CheckInput(prebuilt, null, diagnostics);
        }
        if (request.Sources.IsEmpty && request.Objects.IsEmpty)
        {
            diagnostics.Add(Diagnostic.Create(NativeDiagnostics.InvalidBuildInput, null, request.OutputPath, "has no sources or objects to build from"));
        }
        if (diagnostics.Count > 0)
        {
            return new NativeBuildResult(null, diagnostics.ToImmutable(), fromCache: false);
        }

        string output = Path.GetFullPath(request.OutputPath);
        (BuildCache? cache, string? key) = OpenCache(request, output, diagnostics, out bool restored);
        if (restored)
        {
            return new NativeBuildResult(output, diagnostics.ToImmutable(), fromCache: true);
        }

        DirectoryInfo work = Directory.CreateTempSubdirectory("halo-native-");
        try
        {
            NativeBuildResult built = await CompileAndLinkAsync(request, output, work.FullName, cancellationToken).ConfigureAwait(false);
            diagnostics.AddRange(built.Diagnostics);
            if (built.Success && cache is not null && key is not null)
            {
                TryCache(() => cache.Store(key, output), cache, diagnostics);
            }
            return new NativeBuildResult(output, diagnostics.ToImmutable(), fromCache: false);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private async Task<NativeBuildResult> CompileAndLinkAsync(NativeBuildRequest request, string output, string work,
        CancellationToken cancellationToken)
    {
        var compiled = new NativeBuildResult[request.Sources.Length];
        string[] objects = [.. request.Sources.Select((s, i) => Path.Combine(work, i + "_" + Path.GetFileName(s) + ".o"))];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Clamp(Options.MaxParallelism, 1, Environment.ProcessorCount),
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, request.Sources.Length), parallel, async (i, token) =>
            compiled[i] = await CompileAsync(request.Sources[i], objects[i], request.Compile, token).ConfigureAwait(false)).ConfigureAwait(false);

        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (NativeBuildResult result in compiled)
        {
            diagnostics.AddRange(result.Diagnostics);
        }
        if (compiled.Any(r => !r.Success))
        {
            return new NativeBuildResult(null, diagnostics.ToImmutable(), fromCache: false);
        }

        // Link beside the output under a temporary name, then rename over it (atomic on one file system).
        string linked = Path.Combine(Path.GetDirectoryName(output)!, "." + Path.GetFileName(output) + ".link-" + Guid.NewGuid().ToString("N"));
        try
        {
            bool anyCxx = request.Sources.Any(s => SourceLanguages.Of(s) == SourceLanguage.Cxx);
            NativeBuildResult link = await LinkCoreAsync([.. objects, .. request.Objects], linked, request.OutputPath, request.Kind,
                request.Link, anyCxx, cancellationToken).ConfigureAwait(false);
            diagnostics.AddRange(link.Diagnostics);
            if (link.Success)
            {
                TryWriteOutput(() => File.Move(linked, output, overwrite: true), request.OutputPath, diagnostics);
            }
            return new NativeBuildResult(output, diagnostics.ToImmutable(), fromCache: false);
        }
        finally
        {
            if (File.Exists(linked))
            {
                File.Delete(linked);
            }
        }
    }

    private (BuildCache? Cache, string? Key) OpenCache(NativeBuildRequest request, string output,
        ImmutableArray<Diagnostic>.Builder diagnostics, out bool restored)
    {
        restored = false;
        if (Options.CacheDirectory is null)
        {
            return (null, null);
        }
        var cache = new BuildCache(Options.CacheDirectory);
        string? key = null;
        bool ok = TryCache(() => key = BuildCache.ComputeKey(Driver, request), cache, diagnostics);
        if (!ok || key is null)
        {
            if (ok)
            {
                diagnostics.Add(Diagnostic.Create(NativeDiagnostics.CacheUnavailable, null, cache.Directory,
                    "the include folders hold too many headers to hash"));
            }
            return (null, null);
        }
        bool hit = false;
        ok = TryCache(() => hit = cache.TryRestore(key, output), cache, diagnostics);
        restored = ok && hit;
        return ok ? (cache, key) : (null, null);
    }

    private static bool TryCache(Action action, BuildCache cache, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        try
        {
            action();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Create(NativeDiagnostics.CacheUnavailable, null, cache.Directory, e.Message));
            return false;
        }
    }
}
