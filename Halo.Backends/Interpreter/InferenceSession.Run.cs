using Halo.Backends.Interpreter.Planning;
using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter;

public sealed partial class InferenceSession
{
    /// <summary>
    /// Runs the model on <paramref name="inputs"/> (one tensor per graph input, by name) and returns every
    /// graph output by name. The inputs are only read; the returned tensors are new and belong to the caller.
    /// Thread-safe: concurrent calls run independently.
    /// </summary>
    /// <exception cref="ArgumentException">An input is missing, unknown, or of another element type, rank or
    /// static dimension than the model declares (the message names it).</exception>
    /// <exception cref="InvalidOperationException">A node failed on these inputs (e.g. shapes that do not
    /// broadcast); the message names the node.</exception>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public IReadOnlyDictionary<string, Tensor> Run(IReadOnlyDictionary<string, Tensor> inputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ObjectDisposedException.ThrowIf(_disposed, this);
        CheckInputs(inputs);
        var state = RentState();
        try
        {
            foreach (var input in _plan.Inputs)
            {
                state.Slots[input.Slot] = inputs[input.Name];
            }
            for (int slot = 0; slot < _plan.SlotCount; slot++)
            {
                state.Slots[slot] ??= _plan.Constants[slot];
            }
            state.Execute(cancellationToken);
            var results = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            foreach (var output in _plan.Outputs)
            {
                results[output.Name] = state.Slots[output.Slot]?.Clone()
                    ?? throw new InvalidOperationException($"Output '{output.Name}' was not computed.");
            }
            return results;
        }
        finally
        {
            ReturnState(state);
        }
    }

    private void CheckInputs(IReadOnlyDictionary<string, Tensor> inputs)
    {
        foreach (string name in inputs.Keys)
        {
            if (!_plan.Inputs.Any(i => i.Name == name))
            {
                throw new ArgumentException($"The model has no input '{name}'; its inputs are: {string.Join(", ", _plan.Inputs.Select(i => i.Name))}.", nameof(inputs));
            }
        }
        foreach (var input in _plan.Inputs)
        {
            if (!inputs.TryGetValue(input.Name, out var tensor) || tensor is null)
            {
                throw new ArgumentException($"Input '{input.Name}' ({input.Type}) is missing.", nameof(inputs));
            }
            CheckInput(input, tensor);
        }
    }

    private static void CheckInput(PlanValue input, Tensor tensor)
    {
        if (input.Type is not TensorType type)
        {
            return;
        }
        if (type.ElementType != ElementType.Undefined && type.ElementType != tensor.ElementType)
        {
            throw new ArgumentException($"Input '{input.Name}' must be {type.ElementType.GetName()}, not {tensor.ElementType.GetName()}.", nameof(input));
        }
        if (!type.Shape.IsRanked)
        {
            return;
        }
        if (type.Shape.Rank != tensor.Rank)
        {
            throw new ArgumentException($"Input '{input.Name}' must have shape {type.Shape}, not {ShapeMath.Format(tensor.Shape)} (rank {tensor.Rank}).", nameof(input));
        }
        for (int i = 0; i < tensor.Rank; i++)
        {
            var dim = type.Shape[i];
            if (dim.IsStatic && dim.Value != tensor.Shape[i])
            {
                throw new ArgumentException($"Input '{input.Name}' must have shape {type.Shape}, not {ShapeMath.Format(tensor.Shape)} (dimension {i}).", nameof(input));
            }
        }
    }
}
