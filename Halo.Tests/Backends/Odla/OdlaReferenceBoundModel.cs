using System.Collections.Immutable;
using Halo.Cli.Execution;
using Halo.Core.Semantics;

namespace Halo.Tests.Backends.Odla;

/// <summary>A model specialized by <see cref="OdlaReferenceInputBinder"/>: takes all of the case's inputs and passes
/// on the ones the code still needs.</summary>
internal sealed class OdlaReferenceBoundModel(IPreparedModel inner, ImmutableArray<int> keptInputs) : IPreparedModel
{
    public ImmutableArray<RuntimeValue> Run(IReadOnlyList<RuntimeValue> inputs) => inner.Run([.. keptInputs.Select(i => inputs[i])]);

    public void Dispose() => inner.Dispose();
}
