using System.Globalization;
using System.Text;
using Halo.Backends.Odla;
using Halo.Core.Diagnostics;
using Halo.Core.Operators;
using Halo.Odla.Native;
using Halo.Odla.Native.Loading;
using Halo.Odla.Native.Toolchain;

namespace Halo.Cli.Execution;

/// <summary>
/// Several models compiled to ODLA code, built in parallel and linked into ONE shared library (with the reference
/// runtime), each under its own entry name; building a library per tiny model would cost a link and a load each.
/// Generated files and objects are cached by content under <see cref="OdlaBuildSettings.ResolveCacheDirectory"/>,
/// so a second run only links (or reuses the library). A model that fails to generate or compile is reported on its
/// own and left out; the others still run.
/// </summary>
internal sealed class OdlaModelBatch
{
    private readonly OdlaBatchEntry[] _entries;
    private readonly string? _libraryPath;

    private OdlaModelBatch(OdlaBatchEntry[] entries, string? libraryPath)
    {
        _entries = entries;
        _libraryPath = libraryPath;
    }

    public int Count => _entries.Length;

    /// <summary>Generates, compiles and links <paramref name="models"/>; never throws for bad models or tool failures.</summary>
    public static OdlaModelBatch Build(IReadOnlyList<OdlaBatchModel> models, OperatorRegistry registry, OdlaBuildSettings settings)
    {
        ArgumentNullException.ThrowIfNull(models);
        var entries = EntryNames(models).Select(n => new OdlaBatchEntry(n)).ToArray();
        var runtime = OdlaRuntimeLocator.Find(OdlaRuntimeLocator.ReferenceRuntime, settings.RuntimeDirectory);
        if (runtime is null)
        {
            string where = settings.RuntimeDirectory ?? AppContext.BaseDirectory;
            return Failed(entries, Diagnostic.Create(OdlaExecutionDiagnostics.RuntimeNotFound, null, OdlaRuntimeLocator.ReferenceRuntime, where));
        }
        if (!NativeToolchain.TryFind(settings.Toolchain, out var toolchain, out var notFound))
        {
            return Failed(entries, notFound);
        }
        string root = Path.Combine(settings.ResolveCacheDirectory(), "odla");
        var compile = CompilerOptions.Default with
        {
            OptimizationLevel = settings.OptimizationLevel,
            WarningsAsErrors = true,
            IncludeDirectories = [runtime.IncludeDirectory],
        };
        string settingsKey = OdlaBuildFiles.Hash("halo-odla-batch/1", toolchain.CompilerPath, settings.Target.ToString(),
            compile.OptimizationLevel.ToString(CultureInfo.InvariantCulture), runtime.LibraryPath, OdlaBuildFiles.HashFolder(runtime.IncludeDirectory));

        var generator = new OdlaCodeGenerator();
        Parallel.For(0, models.Count, i => Generate(models[i], entries[i], generator, registry, settings, root, settingsKey));
        CompileAll(entries, toolchain, compile).GetAwaiter().GetResult();
        string? library = Link(entries, toolchain, runtime, settings, root).GetAwaiter().GetResult();
        OdlaCacheTrimmer.TrimIfDue(root);
        return new OdlaModelBatch(entries, library);
    }

    /// <summary>Loads model <paramref name="index"/> from the batch library, or reports why it is not there.</summary>
    public IPreparedModel? Prepare(int index, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var entry = _entries[index];
        diagnostics.AddRange(entry.Diagnostics.ToImmutable());
        if (!entry.Ok || _libraryPath is null)
        {
            return null;
        }
        if (!CompiledModelLibrary.TryLoad(_libraryPath, entry.EntryName, out var library, out var loadFailure))
        {
            diagnostics.Add(loadFailure);
            return null;
        }
        return new OdlaPreparedModel(library, entry.Signature!);
    }

    private static OdlaModelBatch Failed(OdlaBatchEntry[] entries, Diagnostic diagnostic)
    {
        foreach (var entry in entries)
        {
            entry.Diagnostics.Add(diagnostic);
        }
        return new OdlaModelBatch(entries, null);
    }

    /// <summary>Distinct C identifiers: <c>halo_</c> and the name with other characters made '_'.</summary>
    private static List<string> EntryNames(IReadOnlyList<OdlaBatchModel> models)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<string>(models.Count);
        foreach (var model in models)
        {
            var text = new StringBuilder("halo_");
            foreach (char c in model.Name)
            {
                text.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
            }
            string baseName = text.ToString();
            string name = baseName;
            for (int n = 1; !used.Add(name); n++)
            {
                name = baseName + "_" + n.ToString(CultureInfo.InvariantCulture);
            }
            names.Add(name);
        }
        return names;
    }

    private static void Generate(OdlaBatchModel model, OdlaBatchEntry entry, OdlaCodeGenerator generator, OperatorRegistry registry,
        OdlaBuildSettings settings, string root, string settingsKey)
    {
        var generated = generator.Generate(model.Graph, new OdlaCodeGenOptions { Target = settings.Target, EntryFunctionName = entry.EntryName });
        entry.Diagnostics.AddRange(generated.Diagnostics);
        if (!generated.Success || generated.Artifacts is not { } artifacts)
        {
            return;
        }
        byte[] source = Encoding.UTF8.GetBytes(artifacts.SourceText);
        byte[] header = Encoding.UTF8.GetBytes(artifacts.HeaderText);
        byte[] weights = [.. artifacts.GetWeightsBytes()];
        string key = OdlaBuildFiles.Hash([Encoding.UTF8.GetBytes(settingsKey), source, header, weights]);
        string folder = Path.Combine(root, "models", key[..2], key[2..24]);
        try
        {
            Directory.CreateDirectory(folder);
            OdlaBuildFiles.WriteIfChanged(Path.Combine(folder, artifacts.HeaderFileName), header);
            OdlaBuildFiles.WriteIfChanged(Path.Combine(folder, artifacts.SourceFileName), source);
            OdlaBuildFiles.WriteIfChanged(Path.Combine(folder, artifacts.WeightsFileName), weights);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            entry.Diagnostics.Report(OdlaExecutionDiagnostics.BuildFolderNotWritable, null, folder, e.Message.TrimEnd('.'));
            return;
        }
        OdlaCacheTrimmer.Touch(folder);
        entry.Folder = folder;
        entry.SourcePath = Path.Combine(folder, artifacts.SourceFileName);
        entry.WeightsPath = Path.Combine(folder, artifacts.WeightsFileName);
        entry.Signature = artifacts.Entry;
    }

    /// <summary>Compiles the sources whose object is not cached yet, at most one compiler per processor.</summary>
    private static async Task CompileAll(OdlaBatchEntry[] entries, NativeToolchain toolchain, CompilerOptions options)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(toolchain.Options.MaxParallelism, 1, Environment.ProcessorCount) };
        await Parallel.ForEachAsync(entries.Where(e => e.Ok), parallel, async (entry, token) =>
        {
            string objectPath = Path.Combine(entry.Folder!, entry.EntryName + ".o");
            if (!File.Exists(objectPath))
            {
                string temporary = OdlaBuildFiles.TemporaryBeside(objectPath);
                var compiled = await toolchain.CompileAsync(entry.SourcePath!, temporary, options, token).ConfigureAwait(false);
                entry.Diagnostics.AddRange(compiled.Diagnostics);
                if (!compiled.Success || !TryMove(temporary, objectPath, [entry]))
                {
                    return;
                }
            }
            entry.ObjectPath = objectPath;
        }).ConfigureAwait(false);
    }

    /// <summary>Links the compiled models into one library keyed by their objects; link failures go to every model.</summary>
    private static async Task<string?> Link(OdlaBatchEntry[] entries, NativeToolchain toolchain, OdlaRuntimeLocation runtime,
        OdlaBuildSettings settings, string root)
    {
        var linked = entries.Where(e => e.Ok && e.ObjectPath is not null).ToList();
        if (linked.Count == 0)
        {
            return null;
        }
        List<string> objects = [.. linked.SelectMany(e => new[] { e.ObjectPath!, e.WeightsPath! })];
        string key = OdlaBuildFiles.Hash([runtime.LibraryPath, .. objects]);
        string library = Path.Combine(root, "libraries", key[..24], "libhalo_models.so");
        if (File.Exists(library))
        {
            OdlaCacheTrimmer.Touch(Path.GetDirectoryName(library)!);
            return library;
        }
        var options = LinkOptions.Default with
        {
            LibraryDirectories = [runtime.LibraryDirectory],
            Libraries = [LibraryName(runtime.LibraryPath)],
            RunPaths = [runtime.LibraryDirectory],
        };
        string temporary = OdlaBuildFiles.TemporaryBeside(library);
        var result = await toolchain.LinkAsync(objects, temporary, NativeOutputKind.SharedLibrary, options,
            linkCxxRuntime: settings.Target == OdlaTarget.Cxx).ConfigureAwait(false);
        if (!result.Success)
        {
            foreach (var entry in linked)
            {
                entry.Diagnostics.AddRange(result.Diagnostics);
            }
            return null;
        }
        return TryMove(temporary, library, linked) ? library : null;
    }

    /// <summary>Renames a finished output into place; an I/O failure is HALO4951 for <paramref name="entries"/>.</summary>
    private static bool TryMove(string temporary, string destination, IReadOnlyList<OdlaBatchEntry> entries)
    {
        try
        {
            File.Move(temporary, destination, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            foreach (var entry in entries)
            {
                entry.Diagnostics.Report(OdlaExecutionDiagnostics.BuildFolderNotWritable, null, Path.GetDirectoryName(destination), e.Message.TrimEnd('.'));
            }
            return false;
        }
    }

    /// <summary><c>odla_reference</c> for <c>libodla_reference.so</c>; other file names are linked by exact name.</summary>
    private static string LibraryName(string path)
    {
        string file = Path.GetFileName(path);
        return file.StartsWith("lib", StringComparison.Ordinal) && file.EndsWith(".so", StringComparison.Ordinal) ? file[3..^3] : ":" + file;
    }
}
