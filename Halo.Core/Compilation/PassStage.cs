namespace Halo.Core.Compilation;

/// <summary>When a pass runs; passes run by stage, then in registration order.</summary>
public enum PassStage
{
    /// <summary>Input rewriting and canonicalization (pinning shapes, selecting sub-graphs).</summary>
    Canonicalize = 0,
    /// <summary>Target-independent optimization (folding, fusion, simplification).</summary>
    Optimize = 1,
    /// <summary>Target-specific lowering (layout, quantization, memory planning).</summary>
    Lower = 2,
}
