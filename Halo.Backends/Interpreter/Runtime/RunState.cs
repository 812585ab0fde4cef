using Halo.Backends.Interpreter.Kernels;
using Halo.Backends.Interpreter.Planning;
using Halo.Backends.Interpreter.Threading;

namespace Halo.Backends.Interpreter.Runtime;

/// <summary>
/// The mutable state of one run: value slots, per-step operand arrays and the buffer pool. A session keeps
/// idle states and hands one to each run, so concurrent runs never share one and a state's pool is reused
/// by the runs that follow.
/// </summary>
internal sealed class RunState
{
    private readonly InferenceValue?[][] _stepInputs;
    private readonly InferenceValue?[][] _stepOutputs;

    public RunState(ExecutionPlan plan, WorkerPool workers)
    {
        Plan = plan;
        Slots = new InferenceValue?[plan.SlotCount];
        Pool = new BufferPool();
        Context = new KernelContext(Pool, workers);
        _stepInputs = [.. plan.Steps.Select(s => new InferenceValue?[s.InputSlots.Length])];
        _stepOutputs = [.. plan.Steps.Select(s => new InferenceValue?[s.OutputSlots.Length])];
    }

    public ExecutionPlan Plan { get; }

    public InferenceValue?[] Slots { get; }

    public BufferPool Pool { get; }

    public KernelContext Context { get; }

    /// <summary>Runs every step (inputs must already be bound in <see cref="Slots"/>).</summary>
    public void Execute(CancellationToken cancellationToken)
    {
        var steps = Plan.Steps;
        for (int s = 0; s < steps.Count; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = steps[s];
            var inputs = _stepInputs[s];
            var outputs = _stepOutputs[s];
            for (int i = 0; i < inputs.Length; i++)
            {
                inputs[i] = step.InputSlots[i] >= 0 ? Slots[step.InputSlots[i]] : null;
            }
            Array.Clear(outputs);
            Context.Bind(inputs, outputs);
            try
            {
                step.Kernel.Execute(Context);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or ArithmeticException)
            {
                throw new InvalidOperationException($"Node '{step.Label}' failed: {e.Message}", e);
            }
            for (int o = 0; o < outputs.Length; o++)
            {
                Slots[step.OutputSlots[o]] = outputs[o];
            }
            Array.Clear(inputs);
            foreach (int slot in step.ReleaseAfter)
            {
                ReleaseSlot(slot);
            }
        }
    }

    /// <summary>Returns every pooled buffer still held and clears all slots.</summary>
    public void Reset()
    {
        for (int slot = 0; slot < Slots.Length; slot++)
        {
            ReleaseSlot(slot);
            Slots[slot] = null;
        }
    }

    private void ReleaseSlot(int slot)
    {
        if (Plan.Pooled[slot] && Slots[slot] is { } value)
        {
            Slots[slot] = null;
            // Only tensors that kernels allocated as outputs come from the pool; sequences and optionals are
            // made by the reference semantics and own their tensors.
            if (value is Tensor { StringArray: null } tensor)
            {
                Pool.Return(tensor.Buffer);
            }
        }
    }
}
