namespace Halo.Backends.Interpreter.Planning;

/// <summary>
/// A graph compiled for the interpreter: slots for every value, constants materialized once, steps in
/// topological order with their kernels, and per-step release lists from a liveness analysis, so a run
/// keeps only live intermediates and reuses their buffers. Immutable; shared by concurrent runs.
/// </summary>
internal sealed class ExecutionPlan(int slotCount, Tensor?[] constants, bool[] pooled, PlanStep[] steps,
    PlanValue[] inputs, PlanValue[] outputs)
{
    /// <summary>The number of value slots.</summary>
    public int SlotCount { get; } = slotCount;

    /// <summary>Per slot: the constant tensor, or null for values computed or bound per run.</summary>
    public IReadOnlyList<Tensor?> Constants { get; } = constants;

    /// <summary>Per slot: whether the value's buffer comes from (and returns to) the run's pool.</summary>
    public IReadOnlyList<bool> Pooled { get; } = pooled;

    /// <summary>The steps, producers before consumers.</summary>
    public IReadOnlyList<PlanStep> Steps { get; } = steps;

    /// <summary>The graph inputs, in order.</summary>
    public IReadOnlyList<PlanValue> Inputs { get; } = inputs;

    /// <summary>The graph outputs, in order.</summary>
    public IReadOnlyList<PlanValue> Outputs { get; } = outputs;
}
