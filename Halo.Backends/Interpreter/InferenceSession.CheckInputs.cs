using Halo.Backends.Interpreter.Planning;
using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter;

public sealed partial class InferenceSession
{
    private void CheckInputs<TValue>(IReadOnlyDictionary<string, TValue> inputs)
        where TValue : InferenceValue
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
            if (!inputs.TryGetValue(input.Name, out var value) || value is null)
            {
                throw new ArgumentException($"Input '{input.Name}' ({input.Type}) is missing.", nameof(inputs));
            }
            CheckValue(input, input.Type, value);
        }
    }

    /// <summary>Checks that <paramref name="value"/> has the kind of <paramref name="type"/> and that every
    /// tensor in it matches the declared element type, rank and static dimensions.</summary>
    private static void CheckValue(PlanValue input, IrType type, InferenceValue value)
    {
        switch (type, value)
        {
            case (TensorType tensorType, Tensor tensor):
                CheckTensor(input, tensorType, tensor);
                break;
            case (SequenceType { ElementType: TensorType itemType }, TensorSequence sequence):
                foreach (var item in sequence)
                {
                    CheckTensor(input, itemType, item);
                }
                break;
            case (OptionalType optionalType, InferenceOptional optional):
                if (optional.Value is { } inner)
                {
                    CheckValue(input, optionalType.ElementType, inner);
                }
                break;
            default:
                throw new ArgumentException($"Input '{input.Name}' must be a {type}, not a {value.Type}.", nameof(value));
        }
    }

    private static void CheckTensor(PlanValue input, TensorType type, Tensor tensor)
    {
        if (type.ElementType != ElementType.Undefined && type.ElementType != tensor.ElementType)
        {
            throw new ArgumentException($"Input '{input.Name}' must be {type.ElementType.GetName()}, not {tensor.ElementType.GetName()}.", nameof(tensor));
        }
        if (!type.Shape.IsRanked)
        {
            return;
        }
        if (type.Shape.Rank != tensor.Rank)
        {
            throw new ArgumentException($"Input '{input.Name}' must have shape {type.Shape}, not {ShapeMath.Format(tensor.Shape)} (rank {tensor.Rank}).", nameof(tensor));
        }
        for (int i = 0; i < tensor.Rank; i++)
        {
            var dim = type.Shape[i];
            if (dim.IsStatic && dim.Value != tensor.Shape[i])
            {
                throw new ArgumentException($"Input '{input.Name}' must have shape {type.Shape}, not {ShapeMath.Format(tensor.Shape)} (dimension {i}).", nameof(tensor));
            }
        }
    }
}
