using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Frontends.Onnx;

/// <summary>Converts values read from ONNX data files into runtime values for evaluators and backends.</summary>
public static class OnnxRuntimeValues
{
    /// <summary>The runtime value of <paramref name="value"/>; <paramref name="type"/> (the model's declared type,
    /// or null) types empty sequences and optionals. A bfloat16 tensor stored as uint16 (as ONNX's test generator
    /// writes them) is reinterpreted when <paramref name="type"/> says bfloat16.</summary>
    /// <exception cref="NotSupportedException">Maps and sparse tensors (no runtime form yet).</exception>
    public static RuntimeValue ToRuntimeValue(this OnnxValue value, IrType? type)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Kind switch
        {
            OnnxValueKind.Tensor => new TensorValue(Reinterpret(value.Tensor!, type)),
            OnnxValueKind.Sequence => new SequenceValue((type as SequenceType)?.ElementType ?? IrType.Unknown,
                [.. value.Elements.Select(e => e.ToRuntimeValue((type as SequenceType)?.ElementType))]),
            OnnxValueKind.Optional => new OptionalValue((type as OptionalType)?.ElementType ?? IrType.Unknown,
                value.OptionalValue?.ToRuntimeValue((type as OptionalType)?.ElementType)),
            _ => throw new NotSupportedException($"ONNX {value.Kind} values have no runtime form yet."),
        };
    }

    private static TensorData Reinterpret(TensorData data, IrType? type) =>
        type is TensorType { ElementType: ElementType.BFloat16 } && data.ElementType == ElementType.UInt16
            ? TensorData.FromBytes(ElementType.BFloat16, data.Dimensions, data.Bytes)
            : data;
}
