using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Google.Protobuf.Collections;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Frontends.Diagnostics;
using Halo.Frontends.Onnx.Protos;

namespace Halo.Frontends.Onnx;

/// <summary>
/// Converts <see cref="TensorProto"/> and <see cref="SparseTensorProto"/> messages into constant data.
/// SECURITY: every buffer is sized by data actually present in the file (or an external file whose size
/// was checked); a shape that disagrees with the data is a diagnostic, never an allocation.
/// </summary>
internal static class OnnxTensorConverter
{
    /// <summary>The data of <paramref name="tensor"/>, or null after a diagnostic.</summary>
    public static TensorData? ToTensorData(TensorProto tensor, OnnxReadContext context, ModelLocation? location = null,
        string? fallbackName = null)
    {
        string name = tensor.HasName && tensor.Name.Length > 0 ? tensor.Name : fallbackName ?? "(unnamed)";
        location ??= context.FileLocation;
        if (!ElementTypeExtensions.IsKnownDataType(tensor.DataType) || tensor.DataType == 0)
        {
            return Fail(context, location, name, $"data type {tensor.DataType} is not a known ONNX data type");
        }
        var type = (ElementType)tensor.DataType;
        if (tensor.Segment is not null)
        {
            return Fail(context, location, name, "segmented tensors are not supported; save the model with whole tensors");
        }
        if (!TryCount(tensor.Dims, name, context, location, out long count))
        {
            return null;
        }
        ImmutableArray<long> dims = [.. tensor.Dims];
        if (type == ElementType.String)
        {
            return ToStrings(tensor, name, dims, count, context, location);
        }
        long expected = type.ByteCount(count);
        if (expected < 0)
        {
            return Fail(context, location, name, "the element count overflows");
        }
        if (tensor.DataLocation == TensorProto.Types.DataLocation.External || tensor.ExternalData.Count > 0)
        {
            byte[]? external = context.External.Read(tensor, name, expected, location);
            return external is null ? null : TensorData.FromBytes(type, dims, external);
        }
        if (tensor.HasRawData)
        {
            return tensor.RawData.Length == expected
                ? TensorData.FromBytes(type, dims, tensor.RawData.Memory)
                : Fail(context, location, name, $"its shape and type need {expected} bytes, but raw_data has {tensor.RawData.Length}");
        }
        byte[]? bytes = FromTypedFields(tensor, type, count, out string? error);
        return bytes is null ? Fail(context, location, name, error!) : TensorData.FromBytes(type, dims, bytes);
    }

    /// <summary>The sparse tensor of <paramref name="sparse"/>, or null after a diagnostic.</summary>
    public static SparseTensorData? ToSparseData(SparseTensorProto sparse, OnnxReadContext context, ModelLocation? location = null)
    {
        location ??= context.FileLocation;
        string name = sparse.Values is { HasName: true } v && v.Name.Length > 0 ? v.Name : "(sparse)";
        if (sparse.Values is null || sparse.Indices is null)
        {
            return Fail<SparseTensorData>(context, location, name, "a sparse tensor needs both values and indices");
        }
        if (!TryCount(sparse.Dims, name, context, location, out long denseCount))
        {
            return null;
        }
        var values = ToTensorData(sparse.Values, context, location, name);
        var indices = ToTensorData(sparse.Indices, context, location, name + " indices");
        if (values is null || indices is null)
        {
            return null;
        }
        long nnz = values.Dimensions.Length == 1 ? values.Dimensions[0] : -1;
        int rank = sparse.Dims.Count;
        bool shapeOk = indices.ElementType == ElementType.Int64 && nnz >= 0 && (
            (indices.Dimensions.Length == 1 && indices.Dimensions[0] == nnz)
            || (indices.Dimensions.Length == 2 && indices.Dimensions[0] == nnz && indices.Dimensions[1] == rank));
        if (!shapeOk)
        {
            return Fail<SparseTensorData>(context, location, name,
                $"values must be 1-D [NNZ] and indices int64 [NNZ] or [NNZ, {rank}], got {values.Type} and {indices.Type}");
        }
        if (!IndicesInRange(indices, sparse.Dims, denseCount))
        {
            return Fail<SparseTensorData>(context, location, name, "an index lies outside the dense shape");
        }
        return new SparseTensorData(values, indices, [.. sparse.Dims]);
    }

    /// <summary>The product of <paramref name="dims"/>, or false after a diagnostic for a negative
    /// dimension or an overflowing product.</summary>
    public static bool TryCount(RepeatedField<long> dims, string name, OnnxReadContext context, ModelLocation location, out long count)
    {
        count = 1;
        for (int i = 0; i < dims.Count; i++)
        {
            long d = dims[i];
            if (d < 0)
            {
                context.Report(FrontendDiagnostics.InvalidDimension, location, name, d, i, "sizes must not be negative");
                return false;
            }
            if (d != 0 && count > long.MaxValue / d)
            {
                context.Report(FrontendDiagnostics.InvalidDimension, location, name, d, i, "the element count overflows");
                return false;
            }
            count *= d;
        }
        if (dims.Contains(0))
        {
            count = 0;
        }
        return true;
    }

    private static TensorData? ToStrings(TensorProto tensor, string name, ImmutableArray<long> dims, long count,
        OnnxReadContext context, ModelLocation location)
    {
        if (tensor.StringData.Count != count)
        {
            return Fail(context, location, name, $"its shape needs {count} strings, but string_data has {tensor.StringData.Count}");
        }
        return TensorData.FromStrings([.. tensor.StringData.Select(s => s.ToStringUtf8())], dims);
    }

    private static byte[]? FromTypedFields(TensorProto t, ElementType type, long count, out string? error)
    {
        error = null;
        (int have, long need, string field) = type switch
        {
            ElementType.Float => (t.FloatData.Count, count, "float_data"),
            ElementType.Complex64 => (t.FloatData.Count, count * 2, "float_data"),
            ElementType.Double => (t.DoubleData.Count, count, "double_data"),
            ElementType.Complex128 => (t.DoubleData.Count, count * 2, "double_data"),
            ElementType.Int64 => (t.Int64Data.Count, count, "int64_data"),
            ElementType.UInt32 or ElementType.UInt64 => (t.Uint64Data.Count, count, "uint64_data"),
            ElementType.Int4 or ElementType.UInt4 or ElementType.Float4E2M1 => (t.Int32Data.Count, (count + 1) / 2, "int32_data"),
            _ => (t.Int32Data.Count, count, "int32_data"),
        };
        if (have != need)
        {
            error = $"its shape needs {need} values, but {field} has {have}";
            return null;
        }
        return type switch
        {
            ElementType.Float or ElementType.Complex64 => MemoryMarshal.AsBytes<float>(t.FloatData.ToArray()).ToArray(),
            ElementType.Double or ElementType.Complex128 => MemoryMarshal.AsBytes<double>(t.DoubleData.ToArray()).ToArray(),
            ElementType.Int64 => MemoryMarshal.AsBytes<long>(t.Int64Data.ToArray()).ToArray(),
            ElementType.UInt64 => MemoryMarshal.AsBytes<ulong>(t.Uint64Data.ToArray()).ToArray(),
            ElementType.UInt32 => Narrow(t.Uint64Data, 4),
            ElementType.Int32 => MemoryMarshal.AsBytes<int>(t.Int32Data.ToArray()).ToArray(),
            ElementType.Int16 or ElementType.UInt16 or ElementType.Float16 or ElementType.BFloat16 =>
                Narrow(t.Int32Data.Select(v => (ulong)(uint)v), 2),
            _ => Narrow(t.Int32Data.Select(v => (ulong)(uint)v), 1),
        };
    }

    /// <summary>Packs each value into <paramref name="width"/> little-endian bytes (keeping the low bits).</summary>
    private static byte[] Narrow(IEnumerable<ulong> values, int width)
    {
        var list = values as IReadOnlyCollection<ulong> ?? [.. values];
        var bytes = new byte[list.Count * width];
        int i = 0;
        foreach (ulong v in list)
        {
            var span = bytes.AsSpan(i, width);
            switch (width)
            {
                case 1: span[0] = (byte)v; break;
                case 2: BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)v); break;
                default: BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)v); break;
            }
            i += width;
        }
        return bytes;
    }

    private static bool IndicesInRange(TensorData indices, RepeatedField<long> dims, long denseCount)
    {
        var values = indices.AsSpan<long>();
        bool linear = indices.Dimensions.Length == 1;
        for (int i = 0; i < values.Length; i++)
        {
            long bound = linear ? denseCount : dims[i % dims.Count];
            if (values[i] < 0 || values[i] >= bound)
            {
                return false;
            }
        }
        return true;
    }

    private static TensorData? Fail(OnnxReadContext context, ModelLocation location, string name, string reason) =>
        Fail<TensorData>(context, location, name, reason);

    private static T? Fail<T>(OnnxReadContext context, ModelLocation location, string name, string reason)
        where T : class
    {
        context.Report(FrontendDiagnostics.InvalidTensor, location, name, reason);
        return null;
    }
}
