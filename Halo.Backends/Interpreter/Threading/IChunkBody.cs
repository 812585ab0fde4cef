namespace Halo.Backends.Interpreter.Threading;

/// <summary>The body of a parallel loop run by <see cref="WorkerPool.For{TBody}"/>: a struct that carries the
/// loop's operands, so that a fork/join allocates nothing.</summary>
internal interface IChunkBody
{
    /// <summary>Processes the items [<paramref name="start"/>, <paramref name="end"/>).</summary>
    void Run(int start, int end);
}
