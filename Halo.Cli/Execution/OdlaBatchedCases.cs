using System.Collections.Immutable;
using Halo.Backends.Odla;
using Halo.Core.Compilation;
using Halo.Core.Diagnostics;
using Halo.Core.IR;

namespace Halo.Cli.Execution;

/// <summary>
/// <c>halo check --backend odla-reference</c> over many case folders: the models are built in batches of
/// <see cref="BatchSize"/> into one library each (a compile per model, one link and one load per batch) instead of a
/// library per model. A batch is built when its first case is asked for. A case whose model cannot become ODLA code
/// as it is runs specialized on the constant inputs of its data sets (<see cref="OdlaCaseInputBinder"/>). Not
/// thread-safe.
/// </summary>
/// <param name="caseDirs">The case folders, in the order they will be run.</param>
/// <param name="pipeline">Imports the models (as <see cref="BackendTestCase"/> does).</param>
/// <param name="executor">The settings to build with.</param>
/// <param name="format">The forced model format, or null.</param>
internal sealed class OdlaBatchedCases(IReadOnlyList<string> caseDirs, CompilationPipeline pipeline, OdlaExecutor executor, string? format)
{
    public const int BatchSize = 100;

    private readonly Dictionary<string, IModelExecutor> _executors = new(StringComparer.Ordinal);
    private readonly HashSet<int> _built = [];
    private readonly Dictionary<string, int> _indexOf = caseDirs.Select((d, i) => (d, i)).DistinctBy(p => p.d)
        .ToDictionary(p => p.d, p => p.i, StringComparer.Ordinal);

    /// <summary>The executor of the case in <paramref name="caseDir"/> (one of the folders given).</summary>
    public IModelExecutor ExecutorFor(string caseDir)
    {
        if (!_executors.TryGetValue(caseDir, out var found))
        {
            if (!_indexOf.TryGetValue(caseDir, out int index))
            {
                return executor;
            }
            if (_built.Add(index / BatchSize))
            {
                BuildBatch(index / BatchSize * BatchSize);
            }
            found = _executors.GetValueOrDefault(caseDir, executor);
        }
        return found;
    }

    /// <summary>Whether the model (its unknown batch pinned) becomes ODLA code as it is; when not, the case is
    /// specialized on its data (<see cref="OdlaCaseInputBinder"/>).</summary>
    private bool Generates(HaloModel pinned) =>
        !new OdlaCodeGenerator().Generate(pinned.Graph, new OdlaCodeGenOptions { EntryFunctionName = "probe", Target = executor.Settings.Target })
            .Diagnostics.Any(d => d.IsError);

    private void BuildBatch(int start)
    {
        var models = new List<OdlaBatchModel>();
        var dirs = new List<string>();
        var kept = new List<ImmutableArray<int>?>();
        for (int i = start; i < Math.Min(caseDirs.Count, start + BatchSize); i++)
        {
            if (BackendTestCase.FindModel(caseDirs[i]) is not { } path)
            {
                continue;
            }
            var compilation = pipeline.CreateCompilation(path, HaloCompilationOptions.Default with { Format = format });
            if (compilation.GetModel() is not { } model || compilation.GetDiagnostics().Any(d => d.IsError))
            {
                continue;
            }
            var pinned = OdlaInputPinning.Pin(model, pipeline.Registry, new DiagnosticBag());
            var bound = pinned is null || !Generates(pinned) ? OdlaCaseInputBinder.Bind(caseDirs[i], compilation.GetImportedModel()!, pipeline) : null;
            if (bound is not null)
            {
                pinned = OdlaInputPinning.Pin(bound.Value.Model, pipeline.Registry, new DiagnosticBag());
            }
            // A case whose pinning fails is left to the executor, which reports why.
            if (pinned is not null)
            {
                models.Add(new OdlaBatchModel(Path.GetFileName(Path.TrimEndingDirectorySeparator(caseDirs[i])), pinned.Graph));
                dirs.Add(caseDirs[i]);
                kept.Add(bound?.KeptInputs);
            }
        }
        var batch = OdlaModelBatch.Build(models, pipeline.Registry, executor.Settings);
        for (int m = 0; m < dirs.Count; m++)
        {
            _executors[dirs[m]] = new OdlaBatchEntryExecutor(batch, m, kept[m]);
        }
    }
}
