namespace Halo.Backends.Interpreter.Kernels;

/// <summary>
/// Splits a loop of <c>count</c> items into a few large contiguous chunks and runs them on up to the allowed
/// number of threads; one chunk (or one thread) runs inline on the caller, with no thread-pool round trip.
/// </summary>
internal static class ParallelChunks
{
    /// <summary>Runs <paramref name="body"/>(start, end) over [0, <paramref name="count"/>) in at most
    /// <paramref name="maxChunks"/> chunks of at least <paramref name="minChunk"/> items.</summary>
    public static void Run(int count, int maxChunks, int minChunk, ParallelOptions parallel, Action<int, int> body)
    {
        if (count <= 0)
        {
            return;
        }
        int chunks = Math.Min(maxChunks, count / Math.Max(1, minChunk));
        if (chunks <= 1 || parallel.MaxDegreeOfParallelism == 1)
        {
            body(0, count);
            return;
        }
        // PERF: a few big chunks per thread: little scheduling overhead, and a thread that the OS deschedules on
        // a busy machine leaves its remaining chunks to the others instead of stalling the whole step.
        Parallel.For(0, chunks, parallel, chunk => body(Start(count, chunks, chunk), Start(count, chunks, chunk + 1)));
    }

    /// <summary>The chunk count for work split over <paramref name="parallel"/>'s threads, two chunks each.</summary>
    public static int ChunksFor(ParallelOptions parallel) => parallel.MaxDegreeOfParallelism <= 1 ? 1
        : Math.Min(2 * parallel.MaxDegreeOfParallelism, 2 * Environment.ProcessorCount);

    private static int Start(int count, int chunks, int chunk) => (int)((long)count * chunk / chunks);
}
