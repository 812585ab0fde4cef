using System.Collections.Immutable;
using Halo.Core.Diagnostics;
using Halo.Core.IR;

namespace Halo.Cli.Execution;

/// <summary>Hands out one model of an already built <see cref="OdlaModelBatch"/>: the model given to
/// <see cref="Prepare"/> must be the one the batch was built from (the same file, imported again).</summary>
/// <param name="batch">The built batch.</param>
/// <param name="index">The model's index in the batch.</param>
/// <param name="keptInputs">For a model specialized on constant inputs, the inputs it still takes; null for all.</param>
internal sealed class OdlaBatchEntryExecutor(OdlaModelBatch batch, int index, ImmutableArray<int>? keptInputs = null) : IModelExecutor
{
    public string Name => OdlaExecutor.BackendName;

    public IPreparedModel? Prepare(HaloModel model, DiagnosticBag diagnostics)
    {
        var prepared = batch.Prepare(index, diagnostics);
        return prepared is not null && keptInputs is { } kept ? new OdlaBoundInputsModel(prepared, kept) : prepared;
    }
}
