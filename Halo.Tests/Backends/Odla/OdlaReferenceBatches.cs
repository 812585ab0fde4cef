using System.Collections.Concurrent;
using System.Collections.Immutable;
using Halo.Backends.Odla;
using Halo.Cli.Execution;
using Halo.Core.Compilation;
using Halo.Core.Diagnostics;
using Halo.Core.IR;

namespace Halo.Tests.Backends.Odla;

/// <summary>
/// Case folders built into <see cref="OdlaModelBatch"/>es of <see cref="BatchSize"/> models, each batch on first use
/// (cases are asked for in order, so one batch is built at a time); one executor per case. Thread-safe.
/// </summary>
internal sealed class OdlaReferenceBatches(IReadOnlyList<string> caseDirs, CompilationPipeline pipeline, OdlaBuildSettings settings)
{
    public const int BatchSize = 100;

    private readonly Dictionary<string, int> _indexOf = caseDirs.Select((d, i) => (d, i)).ToDictionary(p => p.d, p => p.i, StringComparer.Ordinal);
    private readonly Lazy<(OdlaModelBatch Batch, Dictionary<int, Slot> Slots)>?[] _batches = new Lazy<(OdlaModelBatch, Dictionary<int, Slot>)>?[(caseDirs.Count + BatchSize - 1) / BatchSize];

    /// <summary>The cases run with inputs bound as constants (<see cref="OdlaReferenceInputBinder"/>).</summary>
    public ConcurrentDictionary<string, bool> Specialized { get; } = new(StringComparer.Ordinal);

    /// <summary>The executor of one case (its batch is built if needed); the model of a case that did not import
    /// never reaches it, as <see cref="BackendTestCase"/> reports the import diagnostics first.</summary>
    public IModelExecutor ExecutorFor(string caseDir)
    {
        int index = _indexOf[caseDir];
        int number = index / BatchSize;
        lock (_batches)
        {
            _batches[number] ??= new(() => Build(caseDirs, number, pipeline, settings));
        }
        var (batch, slots) = _batches[number]!.Value;
        return slots.TryGetValue(index, out var slot) ? new CaseExecutor(batch, slot) : new Unbuilt();
    }

    private (OdlaModelBatch, Dictionary<int, Slot>) Build(IReadOnlyList<string> caseDirs, int batch, CompilationPipeline pipeline,
        OdlaBuildSettings settings)
    {
        var models = new List<OdlaBatchModel>();
        var slots = new Dictionary<int, Slot>();
        for (int i = batch * BatchSize; i < Math.Min(caseDirs.Count, (batch + 1) * BatchSize); i++)
        {
            var compilation = pipeline.CreateCompilation(Path.Combine(caseDirs[i], "model.onnx"), options: null);
            if (compilation.GetModel() is { } model && !compilation.GetDiagnostics().Any(d => d.IsError))
            {
                string name = Path.GetFileName(caseDirs[i]);
                var bound = NeedsStaticOperands(model) ? OdlaReferenceInputBinder.Bind(caseDirs[i], compilation.GetImportedModel()!, pipeline) : null;
                if (bound is { } b)
                {
                    Specialized[name] = true;
                }
                slots[i] = new Slot(models.Count, bound?.KeptInputs);
                models.Add(new OdlaBatchModel(name, bound?.Model.Graph ?? model.Graph));
            }
        }
        return (OdlaModelBatch.Build(models, pipeline.Registry, settings), slots);
    }

    /// <summary>Whether the model as imported cannot become ODLA code: a case then runs specialized on its constant
    /// inputs (<see cref="OdlaReferenceInputBinder"/>), which gives static shapes, constant operands and, once folding
    /// has inlined If and unrolled Loop on constant conditions and trip counts, static control flow.</summary>
    private static bool NeedsStaticOperands(HaloModel model) =>
        new OdlaCodeGenerator().Generate(model.Graph, new OdlaCodeGenOptions { EntryFunctionName = "probe" }).Diagnostics.Any(d => d.IsError);

    private sealed record Slot(int Index, ImmutableArray<int>? KeptInputs);

    private sealed class CaseExecutor(OdlaModelBatch batch, Slot slot) : IModelExecutor
    {
        public string Name => OdlaExecutor.BackendName;

        public IPreparedModel? Prepare(HaloModel model, DiagnosticBag diagnostics)
        {
            var prepared = batch.Prepare(slot.Index, diagnostics);
            return prepared is not null && slot.KeptInputs is { } kept ? new OdlaReferenceBoundModel(prepared, kept) : prepared;
        }
    }

    /// <summary>For a case whose import failed: never asked to prepare (the import diagnostics come first).</summary>
    private sealed class Unbuilt : IModelExecutor
    {
        public string Name => OdlaExecutor.BackendName;

        public IPreparedModel? Prepare(HaloModel model, DiagnosticBag diagnostics) => null;
    }
}
