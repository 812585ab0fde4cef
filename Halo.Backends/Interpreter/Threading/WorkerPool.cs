using System.Runtime.CompilerServices;

namespace Halo.Backends.Interpreter.Threading;

/// <summary>
/// The threads that one <see cref="InferenceSession"/>'s kernels split their loops over: the calling thread plus
/// <c>threads - 1</c> dedicated background workers, started at the first parallel loop. A fork/join publishes the
/// loop to the workers, runs chunks on the caller too, and waits for the last chunk; it allocates nothing.
/// </summary>
/// <remarks>
/// One loop runs on the workers at a time. A loop started while another one holds them (a concurrent run of the
/// same session, or a loop nested in a chunk) runs inline on its caller, whole: concurrent runs never wait for
/// each other, they only share the workers. Workers spin briefly after a loop (the next step usually forks
/// again within microseconds), then block; they exit when the pool is disposed or finalized.
/// </remarks>
internal sealed unsafe class WorkerPool : IDisposable
{
    private readonly WorkerTeam? _team;

    /// <summary>A pool with <paramref name="threads"/> threads, the caller included (1: everything inline).</summary>
    public WorkerPool(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        Threads = threads;
        _team = threads > 1 ? new WorkerTeam(threads - 1) : null;
    }

    /// <summary>Finalizes an undisposed pool: its workers reference only the team, so they exit.</summary>
    ~WorkerPool() => _team?.Stop();

    /// <summary>A pool that runs every loop inline on its caller.</summary>
    public static WorkerPool Inline { get; } = new(1);

    /// <summary>The threads a loop may use, the caller included.</summary>
    public int Threads { get; }

    /// <summary>Dedicated worker threads currently alive (0 until the first parallel loop, and after disposal).</summary>
    internal int LiveWorkers => _team?.LiveWorkers ?? 0;

    /// <summary>How long a worker spins for the next loop before it blocks.</summary>
    internal static TimeSpan SpinDuration { get; set; } = TimeSpan.FromMicroseconds(WorkerTeam.DefaultSpinMicroseconds);

    /// <summary>
    /// Runs <paramref name="body"/> over [0, <paramref name="count"/>) split into <paramref name="chunks"/>
    /// contiguous chunks of about equal size, claimed by the caller and the workers; returns when all are done.
    /// The first exception a chunk throws is rethrown here once every chunk has finished.
    /// </summary>
    /// <param name="count">The number of items.</param>
    /// <param name="chunks">The number of chunks (1 or less: one inline call).</param>
    /// <param name="body">The loop body; must be a local of the caller (the workers read it through its address).</param>
    public void For<TBody>(int count, int chunks, ref TBody body)
        where TBody : struct, IChunkBody
    {
        if (count <= 0)
        {
            return;
        }
        chunks = Math.Min(chunks, count);
        if (chunks <= 1 || _team is null || !_team.TryRun(&Invoke<TBody>, Unsafe.AsPointer(ref body), count, chunks))
        {
            body.Run(0, count);
        }
    }

    /// <summary>The chunk count for <paramref name="work"/> units split so that each chunk has at least
    /// <paramref name="minWorkPerChunk"/> units, at most <paramref name="chunksPerThread"/> chunks per thread.</summary>
    public int ChunksFor(long work, long minWorkPerChunk, int chunksPerThread = 2) =>
        Threads == 1 ? 1 : (int)Math.Clamp(work / Math.Max(1, minWorkPerChunk), 1, (long)chunksPerThread * Threads);

    /// <summary>Stops the workers (a loop in flight finishes; later loops run inline).</summary>
    public void Dispose()
    {
        _team?.Stop();
        GC.SuppressFinalize(this);
    }

    private static void Invoke<TBody>(void* body, int start, int end)
        where TBody : struct, IChunkBody => Unsafe.AsRef<TBody>(body).Run(start, end);
}
