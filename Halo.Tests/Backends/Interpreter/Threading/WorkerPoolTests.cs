using System.Collections.Concurrent;
using Halo.Backends.Interpreter.Threading;
using NUnit.Framework;

namespace Halo.Tests.Backends.Interpreter.Threading;

[TestFixture]
public sealed class WorkerPoolTests
{
    /// <summary>Counts each item it visits and records the threads that ran chunks.</summary>
    private readonly struct CountItems(int[] visits, int offset = 0, ConcurrentDictionary<int, bool>? threads = null) : IChunkBody
    {
        public void Run(int start, int end)
        {
            threads?.TryAdd(Environment.CurrentManagedThreadId, true);
            for (int i = start; i < end; i++)
            {
                Interlocked.Increment(ref visits[offset + i]);
            }
        }
    }

    /// <summary>Throws in the chunk that holds item <paramref name="failAt"/>, counts the rest.</summary>
    private readonly struct FailAt(int failAt, int[] visits) : IChunkBody
    {
        public void Run(int start, int end)
        {
            if (start <= failAt && failAt < end)
            {
                throw new InvalidOperationException($"chunk at {start} failed");
            }
            new CountItems(visits).Run(start, end);
        }
    }

    /// <summary>Runs an inner parallel loop on the same pool from every chunk.</summary>
    private readonly struct Nested(WorkerPool pool, int[] visits, int inner) : IChunkBody
    {
        public void Run(int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                var body = new CountItems(visits, i * inner);
                pool.For(inner, 4, ref body);
            }
        }
    }

    [TestCase(1, 1000, 7)]
    [TestCase(2, 1000, 7)]
    [TestCase(3, 5, 16)]
    [TestCase(4, 100_000, 8)]
    public void For_AnyThreadAndChunkCount_VisitsEveryItemOnce(int threads, int count, int chunks)
    {
        using var pool = new WorkerPool(threads);
        var visits = new int[count];
        var body = new CountItems(visits);

        pool.For(count, chunks, ref body);
        pool.For(count, chunks, ref body);

        Assert.That(visits, Is.All.EqualTo(2));
    }

    [Test]
    public void For_ParallelLoop_StartsThreadsMinusOneWorkers()
    {
        using var pool = new WorkerPool(3);
        Assert.That(pool.LiveWorkers, Is.Zero);
        var body = new CountItems(new int[64]);

        pool.For(64, 6, ref body);

        Assert.That(pool.LiveWorkers, Is.EqualTo(2));
    }

    [Test]
    public void For_ChunkThrows_RethrowsOnCallerAfterEveryOtherChunkFinished()
    {
        using var pool = new WorkerPool(2);
        var visits = new int[100];
        var body = new FailAt(55, visits);

        Assert.That(() => pool.For(100, 10, ref body), Throws.InvalidOperationException.With.Message.EqualTo("chunk at 50 failed"));
        Assert.That(visits.Take(50), Is.All.EqualTo(1));
        Assert.That(visits.Skip(60), Is.All.EqualTo(1));

        // The pool stays usable after a failed loop.
        var next = new CountItems(new int[100]);
        Assert.That(() => pool.For(100, 10, ref next), Throws.Nothing);
    }

    [Test]
    public void For_ConcurrentCallers_EachLoopCompletesWithItsOwnItems()
    {
        using var pool = new WorkerPool(2);
        var results = new int[8][];

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, caller =>
        {
            var visits = new int[10_000];
            var body = new CountItems(visits);
            for (int repeat = 0; repeat < 50; repeat++)
            {
                pool.For(visits.Length, 4, ref body);
            }
            results[caller] = visits;
        });

        Assert.That(results, Has.All.Matches<int[]>(v => v.All(x => x == 50)));
    }

    [Test]
    public void For_LoopNestedInAChunk_RunsInlineWithoutDeadlock()
    {
        using var pool = new WorkerPool(2);
        var visits = new int[6 * 10];
        var body = new Nested(pool, visits, 10);

        Assert.That(() => pool.For(6, 6, ref body), Throws.Nothing);
        Assert.That(visits, Is.All.EqualTo(1));
    }

    [Test]
    public void For_SecondLoop_AllocatesNothingOnTheCaller()
    {
        using var pool = new WorkerPool(2);
        var body = new CountItems(new int[4096]);
        pool.For(4096, 4, ref body);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            pool.For(4096, 4, ref body);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void Dispose_AfterParallelLoops_WorkersExitAndLaterLoopsRunInline()
    {
        var pool = new WorkerPool(3);
        var threads = new ConcurrentDictionary<int, bool>();
        var body = new CountItems(new int[1000], 0, threads);
        pool.For(1000, 6, ref body);

        pool.Dispose();
        threads.Clear();
        pool.For(1000, 6, ref body);

        Assert.That(() => pool.LiveWorkers, Is.Zero.After(5000, 10));
        Assert.That(threads.Keys, Is.EqualTo(new[] { Environment.CurrentManagedThreadId }));
    }

    [Test]
    public void Constructor_NoThreads_Throws() =>
        Assert.That(() => new WorkerPool(0), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
