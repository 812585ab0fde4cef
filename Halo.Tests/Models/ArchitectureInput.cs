namespace Halo.Tests.Models;

/// <summary>One input of an <see cref="ArchitectureModel"/>: float32 values in [-1, 1), or, with an
/// <paramref name="IndexBound"/>, int64 indices in [0, bound) (token ids).</summary>
internal sealed record ArchitectureInput(string Name, long[] Dims, long? IndexBound = null);
