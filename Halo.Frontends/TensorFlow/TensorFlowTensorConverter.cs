using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Google.Protobuf.Collections;
using Halo.Frontends.TensorFlow.Protos;

namespace Halo.Frontends.TensorFlow;

/// <summary>
/// Converts <see cref="TensorProto"/> messages (Const values) into constant data: packed <c>tensor_content</c>,
/// or one typed <c>*_val</c> field where, as in TensorFlow, fewer values than the shape holds are completed by
/// repeating the last one (a single value fills the shape) and no values at all mean zeros.
/// </summary>
internal static class TensorFlowTensorConverter
{
    /// <summary>SECURITY: the most bytes a filled (splat or zero) tensor may expand to, so that a tiny hostile file
    /// cannot ask for an enormous allocation; data present in the file is limited by the file itself.</summary>
    public const long MaxFilledBytes = 256L << 20;

    /// <summary>The data of <paramref name="tensor"/>, or null after a diagnostic naming <paramref name="owner"/>.</summary>
    public static TensorData? ToTensorData(TensorProto tensor, string owner, TensorFlowImportContext context, ModelLocation location)
    {
        if (!TensorFlowTypeConverter.TryGetElementType(tensor.Dtype, out var type))
        {
            context.Report(TensorFlowDiagnostics.UnsupportedDataType, location, owner, TensorFlowTypeConverter.Name(tensor.Dtype), "tensor dtype");
            return null;
        }
        if (!TryGetDimensions(tensor.TensorShape, out var dims, out long count, out string? shapeError))
        {
            context.Report(TensorFlowDiagnostics.InvalidShape, location, owner, TensorFlowTypeConverter.Describe(tensor.TensorShape), shapeError);
            return null;
        }
        string? error;
        TensorData? data = type == ElementType.String
            ? Strings(tensor, dims, count, out error)
            : tensor.TensorContent.Length > 0
                ? Content(tensor, type, dims, count, out error)
                : Typed(tensor, type, dims, count, out error);
        if (data is null)
        {
            context.Report(TensorFlowDiagnostics.InvalidTensor, location, owner, error);
        }
        return data;
    }

    private static bool TryGetDimensions(TensorShapeProto? shape, out ImmutableArray<long> dims, out long count, out string? error)
    {
        dims = [];
        count = 1;
        error = null;
        if (shape is { UnknownRank: true })
        {
            error = "a constant must have a known rank";
            return false;
        }
        var builder = ImmutableArray.CreateBuilder<long>(shape?.Dim.Count ?? 0);
        foreach (var dim in shape?.Dim ?? [])
        {
            if (dim.Size < 0)
            {
                error = "a constant's sizes must be known and not negative";
                return false;
            }
            if (dim.Size != 0 && count > long.MaxValue / dim.Size)
            {
                error = "the element count overflows";
                return false;
            }
            count *= dim.Size;
            builder.Add(dim.Size);
        }
        dims = builder.MoveToImmutable();
        return true;
    }

    private static TensorData? Content(TensorProto tensor, ElementType type, ImmutableArray<long> dims, long count, out string? error)
    {
        long expected = type.ByteCount(count);
        error = tensor.TensorContent.Length == expected ? null
            : $"its shape and type need {expected} bytes, but tensor_content has {tensor.TensorContent.Length}";
        return error is null ? TensorData.FromBytes(type, dims, tensor.TensorContent.Memory) : null;
    }

    private static TensorData? Strings(TensorProto tensor, ImmutableArray<long> dims, long count, out string? error)
    {
        if (tensor.TensorContent.Length > 0)
        {
            error = "string tensors in tensor_content are not supported; use string_val";
            return null;
        }
        var values = tensor.StringVal.Select(s => s.ToStringUtf8()).ToList();
        if (!CheckCount(values.Count, count, count * 16, out error))
        {
            return null;
        }
        var filled = Enumerable.Range(0, (int)count).Select(i => values.Count == 0 ? string.Empty : values[Math.Min(i, values.Count - 1)]);
        return TensorData.FromStrings([.. filled], dims);
    }

    private static TensorData? Typed(TensorProto t, ElementType type, ImmutableArray<long> dims, long count, out string? error)
    {
        // Element values as raw bytes of the element width, one entry per element (complex: per component).
        (byte[] packed, int width, int perElement) = type switch
        {
            ElementType.Float => (Bytes<float>(t.FloatVal), 4, 1),
            ElementType.Double => (Bytes<double>(t.DoubleVal), 8, 1),
            ElementType.Complex64 => (Bytes<float>(t.ScomplexVal), 4, 2),
            ElementType.Complex128 => (Bytes<double>(t.DcomplexVal), 8, 2),
            ElementType.Int64 => (Bytes<long>(t.Int64Val), 8, 1),
            ElementType.UInt32 => (Bytes<uint>(t.Uint32Val), 4, 1),
            ElementType.UInt64 => (Bytes<ulong>(t.Uint64Val), 8, 1),
            ElementType.Bool => ([.. t.BoolVal.Select(b => b ? (byte)1 : (byte)0)], 1, 1),
            ElementType.Float16 or ElementType.BFloat16 => (Narrow(t.HalfVal, 2), 2, 1),
            ElementType.Float8E5M2 or ElementType.Float8E4M3FN => (t.Float8Val.ToByteArray(), 1, 1),
            ElementType.Int32 => (Bytes<int>(t.IntVal), 4, 1),
            ElementType.Int16 or ElementType.UInt16 => (Narrow(t.IntVal, 2), 2, 1),
            _ => (Narrow(t.IntVal, 1), 1, 1),
        };
        int elementBytes = width * perElement;
        int have = packed.Length / elementBytes;
        if (packed.Length % elementBytes != 0)
        {
            error = "a complex value has a real part but no imaginary part";
            return null;
        }
        long expected = type.ByteCount(count);
        if (!CheckCount(have, count, expected, out error))
        {
            return null;
        }
        if (have == count)
        {
            return TensorData.FromBytes(type, dims, packed);
        }
        var bytes = new byte[expected];
        packed.CopyTo(bytes, 0);
        if (have > 0)
        {
            // TensorFlow: the last given value repeats to fill the shape.
            var last = packed.AsSpan((have - 1) * elementBytes, elementBytes);
            for (long offset = (long)have * elementBytes; offset < expected; offset += elementBytes)
            {
                last.CopyTo(bytes.AsSpan((int)offset, elementBytes));
            }
        }
        return TensorData.FromBytes(type, dims, bytes);
    }

    private static bool CheckCount(long have, long count, long filledBytes, out string? error)
    {
        error = have > count ? $"its shape holds {count} values, but {have} are given"
            : have < count && filledBytes > MaxFilledBytes ? $"filling {count} elements from {have} given values would need {filledBytes} bytes (the limit is {MaxFilledBytes})"
            : null;
        return error is null;
    }

    private static byte[] Bytes<T>(IEnumerable<T> values)
        where T : unmanaged => MemoryMarshal.AsBytes<T>(values.ToArray()).ToArray();

    /// <summary>Packs each int32 into <paramref name="width"/> little-endian bytes, keeping the low bits.</summary>
    private static byte[] Narrow(RepeatedField<int> values, int width)
    {
        var bytes = new byte[values.Count * width];
        for (int i = 0; i < values.Count; i++)
        {
            if (width == 2)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), (ushort)values[i]);
            }
            else
            {
                bytes[i] = (byte)values[i];
            }
        }
        return bytes;
    }
}
