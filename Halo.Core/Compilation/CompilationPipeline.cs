using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.Operators;

namespace Halo.Core.Compilation;

/// <summary>
/// The composed platform: the registered frontends, passes (ordered by stage, then registration) and the
/// operator registry. Creates <see cref="HaloCompilation"/>s. Immutable and thread-safe; obtain it from DI
/// (<c>services.AddHalo(...)</c>) or construct it directly.
/// </summary>
public sealed class CompilationPipeline
{
    /// <summary>Creates a pipeline.</summary>
    public CompilationPipeline(IEnumerable<IModelImporter> importers, IEnumerable<IGraphPass> passes, OperatorRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(importers);
        ArgumentNullException.ThrowIfNull(passes);
        ArgumentNullException.ThrowIfNull(registry);
        Importers = [.. importers];
        Passes = [.. passes.Select((p, i) => (p, i)).OrderBy(x => x.p.Stage).ThenBy(x => x.i).Select(x => x.p)];
        Registry = registry;
    }

    /// <summary>The frontends.</summary>
    public ImmutableArray<IModelImporter> Importers { get; }

    /// <summary>The passes, in the order they run.</summary>
    public ImmutableArray<IGraphPass> Passes { get; }

    /// <summary>The operator registry.</summary>
    public OperatorRegistry Registry { get; }

    /// <summary>A compilation of the model file at <paramref name="path"/> (nothing is read until asked).</summary>
    public HaloCompilation CreateCompilation(string path, HaloCompilationOptions? options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new HaloCompilation(this, path, model: null, options ?? HaloCompilationOptions.Default, Passes);
    }

    /// <summary>A compilation of an already imported model.</summary>
    public HaloCompilation CreateCompilation(HaloModel model, HaloCompilationOptions? options)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new HaloCompilation(this, model.SourcePath, model, options ?? HaloCompilationOptions.Default, Passes);
    }

    internal IModelImporter? FindImporter(string path, string? format) => format is null
        ? Importers.FirstOrDefault(i => i.CanImport(path))
        : Importers.FirstOrDefault(i => string.Equals(i.Format, format, StringComparison.OrdinalIgnoreCase));
}
