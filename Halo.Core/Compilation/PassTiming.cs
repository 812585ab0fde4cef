namespace Halo.Core.Compilation;

/// <summary>How long one step of a compilation took.</summary>
/// <param name="Step">The step: <c>import</c>, <c>verify</c> or a pass name.</param>
/// <param name="Elapsed">The wall-clock time.</param>
public sealed record PassTiming(string Step, TimeSpan Elapsed);
