using System.Collections.Concurrent;
using System.Collections.Immutable;
using Halo.Backends.Interpreter.Kernels;
using Halo.Backends.Interpreter.Planning;
using Halo.Backends.Interpreter.Runtime;
using Halo.Backends.Interpreter.Threading;
using Halo.Core.Compilation;
using Halo.Core.IR;

namespace Halo.Backends.Interpreter;

/// <summary>
/// Runs a model in-process with the managed interpreter. The graph is compiled once, at creation, into an
/// execution plan (kernels chosen, constants materialized, buffer lifetimes computed); every node the
/// interpreter cannot run is reported then, never during a run.
/// </summary>
/// <remarks>
/// Thread safety: <see cref="Run"/> may be called from several threads at once. Each run takes an idle
/// per-run state (value slots and a buffer pool) from the session, or makes one, and gives it back when it
/// ends; intermediate buffers are reused by later runs, so a second run with the same input shapes
/// allocates no new intermediate buffers. Kernels split their loops over the calling thread and
/// <see cref="InferenceSessionOptions.MaxDegreeOfParallelism"/> - 1 worker threads of the session; concurrent
/// runs share those workers, one parallel loop at a time, and a loop that finds them taken runs on its own
/// thread. Dispose the session when done (it stops the workers); runs in flight finish normally.
/// </remarks>
public sealed partial class InferenceSession : IDisposable
{
    private readonly ExecutionPlan _plan;
    private readonly WorkerPool _workers;
    private readonly ConcurrentBag<RunState> _idle = [];
    private readonly ConcurrentBag<RunState> _all = [];
    private volatile bool _disposed;

    private InferenceSession(ExecutionPlan plan, InferenceSessionOptions options)
    {
        _plan = plan;
        _workers = new WorkerPool(options.MaxDegreeOfParallelism);
        Options = options;
        Inputs = [.. plan.Inputs.Select(v => new InferenceValueInfo(v.Name, v.Type))];
        Outputs = [.. plan.Outputs.Select(v => new InferenceValueInfo(v.Name, v.Type))];
    }

    /// <summary>The options the session was created with.</summary>
    public InferenceSessionOptions Options { get; }

    /// <summary>The graph inputs, in order.</summary>
    public ImmutableArray<InferenceValueInfo> Inputs { get; }

    /// <summary>The graph outputs, in order.</summary>
    public ImmutableArray<InferenceValueInfo> Outputs { get; }

    /// <summary>Buffers allocated so far by all runs' pools (intermediates and kernel scratch; run outputs,
    /// which belong to the caller, are not counted). Stays constant once runs repeat the same shapes.</summary>
    internal long BufferAllocationCount => _all.Sum(s => s.Pool.AllocationCount);

    /// <summary>Compiles <paramref name="graph"/> for the interpreter.</summary>
    /// <param name="graph">The graph to run.</param>
    /// <param name="options">Settings; null for <see cref="InferenceSessionOptions.Default"/>.</param>
    /// <returns>The session, or the diagnostics (HALO4xxx) that name every node that cannot run.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="InferenceSessionOptions.MaxDegreeOfParallelism"/> is below 1.</exception>
    public static InferenceSessionResult Create(Graph graph, InferenceSessionOptions? options) =>
        Create(graph, sourcePath: null, options);

    /// <summary>Compiles the main graph of <paramref name="model"/>; diagnostics name its source file.</summary>
    /// <inheritdoc cref="Create(Graph, InferenceSessionOptions?)"/>
    public static InferenceSessionResult Create(HaloModel model, InferenceSessionOptions? options)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Create(model.Graph, model.SourcePath, options);
    }

    /// <summary>Imports the model file at <paramref name="modelPath"/> with <paramref name="pipeline"/>'s
    /// frontends, runs its passes, and compiles the result for the interpreter.</summary>
    /// <param name="pipeline">The composed platform (from DI: <c>services.AddHalo(h => h.AddOnnx())</c>).</param>
    /// <param name="modelPath">The model file.</param>
    /// <param name="options">Settings; null for <see cref="InferenceSessionOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels import and passes.</param>
    /// <returns>The session, or the import, pass and interpreter diagnostics.</returns>
    public static InferenceSessionResult Create(CompilationPipeline pipeline, string modelPath,
        InferenceSessionOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        var compilation = pipeline.CreateCompilation(modelPath, options: null);
        var model = compilation.GetModel(cancellationToken);
        var diagnostics = compilation.GetDiagnostics(cancellationToken);
        if (model is null || diagnostics.Any(d => d.IsError))
        {
            return new InferenceSessionResult(null, diagnostics);
        }
        var result = Create(model, options);
        return result with { Diagnostics = diagnostics.AddRange(result.Diagnostics) };
    }

    private static InferenceSessionResult Create(Graph graph, string? sourcePath, InferenceSessionOptions? options)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= InferenceSessionOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDegreeOfParallelism, 1, nameof(options));
        var plan = new PlanBuilder(graph, KernelTable.Default, sourcePath).Build(out var diagnostics);
        return new InferenceSessionResult(plan is null ? null : new InferenceSession(plan, options), diagnostics);
    }

    /// <summary>Drops the session's idle run states and their buffers and stops its worker threads; later calls
    /// to <see cref="Run"/> throw.</summary>
    public void Dispose()
    {
        _disposed = true;
        _workers.Dispose();
        _idle.Clear();
        _all.Clear();
    }

    /// <summary>The session's worker threads.</summary>
    internal WorkerPool Workers => _workers;

    private RunState RentState()
    {
        if (_idle.TryTake(out var state))
        {
            return state;
        }
        state = new RunState(_plan, _workers);
        _all.Add(state);
        return state;
    }

    private void ReturnState(RunState state)
    {
        state.Reset();
        if (!_disposed)
        {
            _idle.Add(state);
        }
    }
}
