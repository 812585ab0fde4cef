using Halo.Core.IR;

namespace Halo.Core.Compilation;

/// <summary>A pass: maps a model to a new one (or returns the same instance when it changes nothing).
/// Implementations must not mutate their input and should be stateless (they may run concurrently).</summary>
public interface IGraphPass
{
    /// <summary>A short kebab-case name (<c>fold-constants</c>) for logs and timings.</summary>
    string Name { get; }

    /// <summary>The stage the pass belongs to.</summary>
    PassStage Stage { get; }

    /// <summary>Runs the pass; problems go to <paramref name="context"/>.</summary>
    HaloModel Run(HaloModel model, PassContext context);
}
