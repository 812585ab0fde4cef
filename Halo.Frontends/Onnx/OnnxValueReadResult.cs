using System.Collections.Immutable;
using Halo.Core.Diagnostics;

namespace Halo.Frontends.Onnx;

/// <summary>The outcome of reading an ONNX data file: the value (null when an error made one impossible) and diagnostics.</summary>
/// <param name="Value">The value, or null.</param>
/// <param name="Diagnostics">Everything reported, errors included.</param>
public sealed record OnnxValueReadResult(OnnxValue? Value, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Whether an error was reported.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
