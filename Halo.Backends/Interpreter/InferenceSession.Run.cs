using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter;

public sealed partial class InferenceSession
{
    /// <summary>
    /// Runs the model on <paramref name="inputs"/> (one tensor per graph input, by name) and returns every
    /// graph output by name. The inputs are only read; the returned tensors are new and belong to the caller.
    /// Thread-safe: concurrent calls run independently. Models with sequence or optional inputs or outputs
    /// run with <see cref="RunValues"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An input is missing, unknown, or of another element type, rank or
    /// static dimension than the model declares (the message names it).</exception>
    /// <exception cref="InvalidOperationException">A node failed on these inputs (e.g. shapes that do not
    /// broadcast), the message naming the node; or an output is a sequence or an optional.</exception>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public IReadOnlyDictionary<string, Tensor> Run(IReadOnlyDictionary<string, Tensor> inputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (_plan.Outputs.FirstOrDefault(o => o.Type is not TensorType) is { } declared)
        {
            throw new InvalidOperationException($"Output '{declared.Name}' is a {declared.Type}, not a tensor; call RunValues to get it.");
        }
        var results = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, value) in Execute(inputs, cancellationToken))
        {
            results[name] = value as Tensor
                ?? throw new InvalidOperationException($"Output '{name}' is a {value.Type}, not a tensor; call RunValues to get it.");
        }
        return results;
    }

    /// <summary>
    /// Runs the model on <paramref name="inputs"/> (one value per graph input, by name: a <see cref="Tensor"/>, a
    /// <see cref="TensorSequence"/> or an <see cref="InferenceOptional"/>, as the model declares) and returns every
    /// graph output by name. The inputs are only read; the returned values are new and belong to the caller.
    /// Thread-safe: concurrent calls run independently.
    /// </summary>
    /// <exception cref="ArgumentException">An input is missing, unknown, of another kind than the model declares,
    /// or holds tensors of another element type, rank or static dimension (the message names it).</exception>
    /// <exception cref="InvalidOperationException">A node failed on these inputs; the message names the node.</exception>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public IReadOnlyDictionary<string, InferenceValue> RunValues(IReadOnlyDictionary<string, InferenceValue> inputs,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Execute(inputs, cancellationToken);
    }

    private Dictionary<string, InferenceValue> Execute<TValue>(IReadOnlyDictionary<string, TValue> inputs, CancellationToken cancellationToken)
        where TValue : InferenceValue
    {
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
            var results = new Dictionary<string, InferenceValue>(StringComparer.Ordinal);
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
}
