using System.Collections.Immutable;
using Halo.Core.Semantics;

namespace Halo.Cli.Execution;

/// <summary>A model ready to run.</summary>
internal interface IPreparedModel : IDisposable
{
    /// <summary>Runs with one value per graph input; throws <see cref="EvaluationException"/> on bad runtime data.</summary>
    ImmutableArray<RuntimeValue> Run(IReadOnlyList<RuntimeValue> inputs);
}
