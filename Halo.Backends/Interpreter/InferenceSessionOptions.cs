namespace Halo.Backends.Interpreter;

/// <summary>Settings of an <see cref="InferenceSession"/>. Immutable; change with <c>with</c>.</summary>
public sealed record InferenceSessionOptions
{
    /// <summary>The defaults: as many threads per run as the machine has processors.</summary>
    public static InferenceSessionOptions Default { get; } = new();

    /// <summary>The most threads one run's kernels use (1 = single-threaded). Defaults to
    /// <see cref="Environment.ProcessorCount"/>; must be at least 1.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
