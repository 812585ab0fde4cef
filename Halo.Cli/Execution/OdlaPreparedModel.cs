using System.Collections.Immutable;
using Halo.Backends.Odla;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;
using Halo.Odla.Native.Loading;

namespace Halo.Cli.Execution;

/// <summary>A model compiled to native code and loaded: converts tensors to the entry's buffers and back.</summary>
internal sealed class OdlaPreparedModel(CompiledModelLibrary library, OdlaEntrySignature entry) : IPreparedModel
{
    public OdlaEntrySignature Entry { get; } = entry;

    public ImmutableArray<RuntimeValue> Run(IReadOnlyList<RuntimeValue> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count != Entry.Inputs.Length)
        {
            throw new EvaluationException($"The model takes {Entry.Inputs.Length} inputs, {inputs.Count} were given");
        }
        var inputBuffers = new ReadOnlyMemory<byte>[inputs.Count];
        for (int i = 0; i < inputs.Count; i++)
        {
            inputBuffers[i] = InputBytes(Entry.Inputs[i], inputs[i]);
        }
        var outputBuffers = new Memory<byte>[Entry.Outputs.Length];
        for (int k = 0; k < outputBuffers.Length; k++)
        {
            // A zero-element output still gets one byte, so that its pointer is never null.
            outputBuffers[k] = new byte[Math.Max(1, ByteCount(Entry.Outputs[k]))];
        }
        try
        {
            library.Run(inputBuffers, outputBuffers);
        }
        catch (NativeModelException e)
        {
            throw new EvaluationException(e.Diagnostic.ToString(), e);
        }
        return [.. Entry.Outputs.Select((output, k) => (RuntimeValue)new TensorValue(
            TensorData.FromBytes(output.ElementType, output.Shape, outputBuffers[k][..ByteCount(output)])))];
    }

    public void Dispose() => library.Dispose();

    private static ReadOnlyMemory<byte> InputBytes(OdlaEntryParameter parameter, RuntimeValue value)
    {
        if (value is not TensorValue { Data: var data })
        {
            throw new EvaluationException($"Input '{parameter.Name}' must be a tensor, got {value.Type}");
        }
        if (data.ElementType != parameter.ElementType || !data.Dimensions.SequenceEqual(parameter.Shape))
        {
            string expected = new TensorType(parameter.ElementType, Shape.Of(parameter.Shape.AsSpan())).ToString();
            throw new EvaluationException($"Input '{parameter.Name}' must be {expected}, got {data.Type}");
        }
        // An empty tensor still needs a non-null pointer.
        return data.Bytes.Length == 0 ? new byte[1] : data.Bytes;
    }

    private static int ByteCount(OdlaEntryParameter parameter) => checked((int)parameter.ElementType.ByteCount(parameter.ElementCount));
}
