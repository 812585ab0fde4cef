using System.Collections.Immutable;
using System.Diagnostics;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.Verification;

namespace Halo.Core.Compilation;

/// <summary>
/// One compilation, immutable and lazy like Roslyn's: import, verification and passes run on first demand,
/// once, and their results are cached (thread-safe; a lost race only repeats pure work). <c>With*</c>,
/// <c>Add*</c> and <c>Remove*</c> return a new compilation, or this one when nothing changes.
/// </summary>
public sealed class HaloCompilation
{
    private readonly CompilationPipeline _pipeline;
    private readonly HaloModel? _given;
    private CompilationState? _state;

    internal HaloCompilation(CompilationPipeline pipeline, string? sourcePath, HaloModel? model,
        HaloCompilationOptions options, ImmutableArray<IGraphPass> passes)
    {
        _pipeline = pipeline;
        SourcePath = sourcePath;
        _given = model;
        Options = options;
        Passes = passes;
    }

    /// <summary>The model file, or null for a compilation of an in-memory model.</summary>
    public string? SourcePath { get; }

    /// <summary>The options.</summary>
    public HaloCompilationOptions Options { get; }

    /// <summary>The passes that run, in order.</summary>
    public ImmutableArray<IGraphPass> Passes { get; }

    /// <summary>This compilation with other options.</summary>
    public HaloCompilation WithOptions(HaloCompilationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Equals(Options) ? this : new(_pipeline, SourcePath, _given, options, Passes);
    }

    /// <summary>This compilation with <paramref name="passes"/> appended.</summary>
    public HaloCompilation AddPasses(params IGraphPass[] passes)
    {
        ArgumentNullException.ThrowIfNull(passes);
        return passes.Length == 0 ? this : new(_pipeline, SourcePath, _given, Options, Passes.AddRange(passes));
    }

    /// <summary>This compilation without the passes named <paramref name="name"/>.</summary>
    public HaloCompilation RemovePasses(string name)
    {
        var kept = Passes.RemoveAll(p => p.Name == name);
        return kept.Length == Passes.Length ? this : new(_pipeline, SourcePath, _given, Options, kept);
    }

    /// <summary>The imported model before passes, or null when import failed.</summary>
    public HaloModel? GetImportedModel(CancellationToken cancellationToken = default) => GetState(cancellationToken).Imported;

    /// <summary>The model after all passes, or null when an error stopped the compilation.</summary>
    public HaloModel? GetModel(CancellationToken cancellationToken = default) => GetState(cancellationToken).Final;

    /// <summary>Every diagnostic of import, verification and passes.</summary>
    public ImmutableArray<Diagnostic> GetDiagnostics(CancellationToken cancellationToken = default) =>
        GetState(cancellationToken).Diagnostics;

    /// <summary>How long each step took.</summary>
    public ImmutableArray<PassTiming> GetTimings(CancellationToken cancellationToken = default) => GetState(cancellationToken).Timings;

    private CompilationState GetState(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _state) is { } state)
        {
            return state;
        }
        var computed = Compute(cancellationToken);
        return Interlocked.CompareExchange(ref _state, computed, null) ?? computed;
    }

    private CompilationState Compute(CancellationToken cancellationToken)
    {
        var bag = new DiagnosticBag();
        var timings = ImmutableArray.CreateBuilder<PassTiming>();
        var model = Timed("import", timings, () => _given ?? Import(bag, cancellationToken));
        var imported = model;
        if (model is not null && Options.Verify && !bag.HasErrors)
        {
            Timed("verify", timings, () => Verify(model, bag));
        }
        var context = new PassContext(_pipeline.Registry, Options, bag, cancellationToken);
        foreach (var pass in Passes)
        {
            if (model is null || bag.HasErrors)
            {
                break;
            }
            cancellationToken.ThrowIfCancellationRequested();
            var input = model;
            model = Timed(pass.Name, timings, () => Guard(pass.Name, bag, () => pass.Run(input, context)));
            if (model is not null && !ReferenceEquals(model, input) && Options.Verify && !bag.HasErrors)
            {
                Timed("verify", timings, () => Verify(model, bag));
            }
        }
        return new CompilationState(imported, bag.HasErrors ? null : model, bag.ToImmutable(), timings.ToImmutable());
    }

    private HaloModel? Import(DiagnosticBag bag, CancellationToken cancellationToken)
    {
        var importer = _pipeline.FindImporter(SourcePath!, Options.Format);
        if (importer is null)
        {
            bag.Report(CompilationDiagnostics.NoImporter, ModelLocation.OfFile(SourcePath), SourcePath, Options.Format ?? "auto",
                string.Join(", ", _pipeline.Importers.Select(i => i.Format)));
            return null;
        }
        var result = Guard("the " + importer.Format + " frontend", bag, () => importer.Import(SourcePath!, cancellationToken));
        bag.AddRange(result?.Diagnostics ?? []);
        return result?.HasErrors == false ? result.Model : null;
    }

    private bool Verify(HaloModel model, DiagnosticBag bag)
    {
        bag.AddRange(new Verifier(_pipeline.Registry).Verify(model));
        return true;
    }

    private T? Guard<T>(string where, DiagnosticBag bag, Func<T> work)
        where T : class
    {
        try
        {
            return work();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An unexpected exception is a bug in the platform or a plug-in; report it, never crash the host.
            bag.Report(CoreDiagnostics.InternalError, ModelLocation.OfFile(SourcePath), where, e.GetType().Name + ": " + e.Message);
            return null;
        }
    }

    private static T Timed<T>(string step, ImmutableArray<PassTiming>.Builder timings, Func<T> work)
    {
        var watch = Stopwatch.StartNew();
        var result = work();
        timings.Add(new PassTiming(step, watch.Elapsed));
        return result;
    }

    private sealed record CompilationState(HaloModel? Imported, HaloModel? Final, ImmutableArray<Diagnostic> Diagnostics,
        ImmutableArray<PassTiming> Timings);
}
