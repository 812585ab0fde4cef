namespace Halo.Backends.Interpreter.Runtime;

/// <summary>
/// A per-run arena of tensor buffers keyed by exact byte size. Buffers are pinned (kernels use their
/// addresses) and reused across runs: an execution plan rents and returns them in the same order every run,
/// so after the first run of a given input shape no new buffer is allocated. Not thread-safe: one run uses
/// one pool at a time.
/// </summary>
internal sealed class BufferPool
{
    private readonly Dictionary<int, Stack<byte[]>> _free = [];

    /// <summary>How many buffers this pool has allocated since it was created.</summary>
    public long AllocationCount { get; private set; }

    /// <summary>A buffer of exactly <paramref name="byteCount"/> bytes, contents unspecified.</summary>
    public byte[] Rent(int byteCount)
    {
        if (byteCount == 0)
        {
            return [];
        }
        if (_free.TryGetValue(byteCount, out var stack) && stack.Count > 0)
        {
            return stack.Pop();
        }
        AllocationCount++;
        return GC.AllocateUninitializedArray<byte>(byteCount, pinned: true);
    }

    /// <summary>Gives <paramref name="buffer"/> back for reuse.</summary>
    public void Return(byte[] buffer)
    {
        if (buffer.Length == 0)
        {
            return;
        }
        if (!_free.TryGetValue(buffer.Length, out var stack))
        {
            _free[buffer.Length] = stack = new Stack<byte[]>();
        }
        stack.Push(buffer);
    }
}
