using Halo.Core.Diagnostics;
using Halo.Core.IR;

namespace Halo.Cli.Execution;

/// <summary>A way to run models for <c>halo run</c> and <c>halo check</c> (the <c>--backend</c> option).</summary>
internal interface IModelExecutor
{
    /// <summary>The backend name.</summary>
    string Name { get; }

    /// <summary>Prepares <paramref name="model"/>; everything the backend cannot run is reported at once, and null is returned.</summary>
    IPreparedModel? Prepare(HaloModel model, DiagnosticBag diagnostics);
}
