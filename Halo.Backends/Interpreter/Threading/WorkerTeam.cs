using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Halo.Backends.Interpreter.Threading;

/// <summary>
/// The shared state of a <see cref="WorkerPool"/>'s workers and its fork/join protocol. A loop is published by
/// writing its fields, then swapping <see cref="_ticket"/> (a new generation in the high half, the chunks left to
/// claim in the low half). Threads claim chunks by decrementing the ticket with a compare-exchange that also
/// checks the generation, so a thread late for one loop can never claim a chunk of the next; the loop's fields
/// stay valid while any of its chunks is unfinished, and the caller returns only after all are.
/// </summary>
internal sealed unsafe class WorkerTeam(int workerCount)
{
    /// <summary>The default spin before a worker blocks (see <see cref="WorkerPool.SpinDuration"/>).</summary>
    public const int DefaultSpinMicroseconds = 50;

    private readonly object _gate = new();
    private readonly int _workerCount = workerCount;
    private long _ticket;
    private int _busy;
    private int _completed;
    private int _sleepers;
    private int _liveWorkers;
    private bool _started;
    private volatile bool _stopped;
    private delegate*<void*, int, int, void> _body;
    private void* _state;
    private int _count;
    private int _chunks;
    private Exception? _error;

    public int LiveWorkers => Volatile.Read(ref _liveWorkers);

    /// <summary>Runs the loop on the caller and the workers; false (nothing run) when the workers are taken
    /// by another loop or stopped.</summary>
    public bool TryRun(delegate*<void*, int, int, void> body, void* state, int count, int chunks)
    {
        if (_stopped || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            return false;
        }
        try
        {
            uint generation = Generation(Volatile.Read(ref _ticket)) + 1;
            if (!_started)
            {
                StartWorkers(generation - 1);
            }
            _body = body;
            _state = state;
            _count = count;
            _chunks = chunks;
            _completed = 0;
            _error = null;
            Interlocked.Exchange(ref _ticket, (long)((ulong)generation << 32 | (uint)chunks));
            if (Volatile.Read(ref _sleepers) > 0)
            {
                lock (_gate)
                {
                    Monitor.PulseAll(_gate);
                }
            }
            RunChunks(generation);
            var spin = default(SpinWait);
            while (Volatile.Read(ref _completed) < chunks)
            {
                // PERF: the other chunks are short; a worker the OS preempted gets the core back through yields.
                spin.SpinOnce(sleep1Threshold: -1);
            }
            _state = null;
            if (_error is { } error)
            {
                ExceptionDispatchInfo.Throw(error);
            }
            return true;
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>Makes the workers exit once they finish the chunk they are running.</summary>
    public void Stop()
    {
        _stopped = true;
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }

    private static uint Generation(long ticket) => (uint)((ulong)ticket >> 32);

    // PERF: kept apart from TryRun: the lambda's closure is allocated on entry to the method that declares it.
    private void StartWorkers(uint generation)
    {
        _started = true;
        for (int i = 0; i < _workerCount; i++)
        {
            Interlocked.Increment(ref _liveWorkers);
            var thread = new Thread(() => WorkerLoop(generation))
            {
                IsBackground = true,
                Name = "halo-interpreter-worker",
            };
            thread.Start();
        }
    }

    private void RunChunks(uint generation)
    {
        while (true)
        {
            long ticket = Volatile.Read(ref _ticket);
            if (Generation(ticket) != generation || (uint)ticket == 0)
            {
                return;
            }
            if (Interlocked.CompareExchange(ref _ticket, ticket - 1, ticket) != ticket)
            {
                continue;
            }
            int chunk = _chunks - (int)(uint)ticket;
            int start = (int)((long)_count * chunk / _chunks), end = (int)((long)_count * (chunk + 1) / _chunks);
            try
            {
                _body(_state, start, end);
            }
#pragma warning disable CA1031 // Any exception of a chunk is rethrown on the caller's thread after the join.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Interlocked.CompareExchange(ref _error, e, null);
            }
            Interlocked.Increment(ref _completed);
        }
    }

    private void WorkerLoop(uint seen)
    {
        try
        {
            while (true)
            {
                uint generation = WaitForLoop(seen);
                if (_stopped)
                {
                    return;
                }
                RunChunks(generation);
                seen = generation;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _liveWorkers);
        }
    }

    private uint WaitForLoop(uint seen)
    {
        long deadline = Stopwatch.GetTimestamp() + (long)(WorkerPool.SpinDuration.TotalSeconds * Stopwatch.Frequency);
        // PERF: SpinWait soon yields the core between checks, so a spinning worker on a busy machine does not keep
        // the thread that will publish the next loop (or anyone else) off the processor.
        var spin = default(SpinWait);
        while (true)
        {
            uint generation = Generation(Volatile.Read(ref _ticket));
            if (generation != seen || _stopped)
            {
                return generation;
            }
            if (Stopwatch.GetTimestamp() > deadline)
            {
                break;
            }
            spin.SpinOnce(sleep1Threshold: -1);
        }
        lock (_gate)
        {
            // The increment is a full fence: a publisher that does not see this sleeper has already moved the
            // ticket, and the check below sees it (publishers write the ticket, then read the sleepers).
            Interlocked.Increment(ref _sleepers);
            try
            {
                while (Generation(Volatile.Read(ref _ticket)) == seen && !_stopped)
                {
                    Monitor.Wait(_gate);
                }
            }
            finally
            {
                Interlocked.Decrement(ref _sleepers);
            }
        }
        return Generation(Volatile.Read(ref _ticket));
    }
}
