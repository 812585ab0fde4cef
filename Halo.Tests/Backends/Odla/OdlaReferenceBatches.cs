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
    private readonly Lazy<(OdlaModelBatch Batch, Dictionary<int, int> Slots)>[] _batches = [.. Enumerable.Range(0, (caseDirs.Count + BatchSize - 1) / BatchSize)
        .Select(b => new Lazy<(OdlaModelBatch, Dictionary<int, int>)>(() => Build(caseDirs, b, pipeline, settings)))];

    /// <summary>The executor of one case (its batch is built if needed); the model of a case that did not import
    /// never reaches it, as <see cref="BackendTestCase"/> reports the import diagnostics first.</summary>
    public IModelExecutor ExecutorFor(string caseDir)
    {
        int index = _indexOf[caseDir];
        var (batch, slots) = _batches[index / BatchSize].Value;
        return slots.TryGetValue(index, out int slot) ? new OdlaBatchEntryExecutor(batch, slot) : new Unbuilt();
    }

    private static (OdlaModelBatch, Dictionary<int, int>) Build(IReadOnlyList<string> caseDirs, int batch, CompilationPipeline pipeline,
        OdlaBuildSettings settings)
    {
        var models = new List<OdlaBatchModel>();
        var slots = new Dictionary<int, int>();
        for (int i = batch * BatchSize; i < Math.Min(caseDirs.Count, (batch + 1) * BatchSize); i++)
        {
            var compilation = pipeline.CreateCompilation(Path.Combine(caseDirs[i], "model.onnx"), options: null);
            if (compilation.GetModel() is { } model && !compilation.GetDiagnostics().Any(d => d.IsError))
            {
                slots[i] = models.Count;
                models.Add(new OdlaBatchModel(Path.GetFileName(caseDirs[i]), model.Graph));
            }
        }
        return (OdlaModelBatch.Build(models, pipeline.Registry, settings), slots);
    }

    /// <summary>For a case whose import failed: never asked to prepare (the import diagnostics come first).</summary>
    private sealed class Unbuilt : IModelExecutor
    {
        public string Name => OdlaExecutor.BackendName;

        public IPreparedModel? Prepare(HaloModel model, DiagnosticBag diagnostics) => null;
    }
}
