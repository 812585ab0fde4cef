using System.Collections.Immutable;
using Halo.Core.Semantics;

namespace Halo.Cli.Execution;

/// <summary>A model specialized by <see cref="OdlaCaseInputBinder"/>: takes all of the case's inputs and passes
/// on the ones the code still needs.</summary>
internal sealed class OdlaBoundInputsModel(IPreparedModel inner, ImmutableArray<int> keptInputs) : IPreparedModel
{
    public ImmutableArray<RuntimeValue> Run(IReadOnlyList<RuntimeValue> inputs) => inner.Run([.. keptInputs.Select(i => inputs[i])]);

    public void Dispose() => inner.Dispose();
}
