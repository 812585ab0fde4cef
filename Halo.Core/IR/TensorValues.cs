using System.Buffers.Binary;
using Halo.Core.IR.Types;

namespace Halo.Core.IR;

/// <summary>Reads constant tensor elements as wider .NET types (for inference and folding of small tensors).</summary>
public static class TensorValues
{
    /// <summary>The elements of an integer or bool tensor as int64, or null for other element types.</summary>
    public static long[]? ToInt64Array(TensorData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var span = data.Bytes.Span;
        long n = data.ElementCount;
        if (n > int.MaxValue)
        {
            return null;
        }
        var result = new long[n];
        for (int i = 0; i < n; i++)
        {
            long? v = data.ElementType switch
            {
                ElementType.Int64 => BinaryPrimitives.ReadInt64LittleEndian(span[(i * 8)..]),
                ElementType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(span[(i * 4)..]),
                ElementType.Int16 => BinaryPrimitives.ReadInt16LittleEndian(span[(i * 2)..]),
                ElementType.Int8 => (sbyte)span[i],
                ElementType.UInt8 or ElementType.Bool => span[i],
                ElementType.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(span[(i * 2)..]),
                ElementType.UInt32 => BinaryPrimitives.ReadUInt32LittleEndian(span[(i * 4)..]),
                ElementType.UInt64 => (long)BinaryPrimitives.ReadUInt64LittleEndian(span[(i * 8)..]),
                _ => null,
            };
            if (v is null)
            {
                return null;
            }
            result[i] = v.Value;
        }
        return result;
    }

    /// <summary>The elements of a float, double, float16 or bfloat16 tensor as double, or null for other types.</summary>
    public static double[]? ToDoubleArray(TensorData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var span = data.Bytes.Span;
        long n = data.ElementCount;
        if (n > int.MaxValue)
        {
            return null;
        }
        var result = new double[n];
        for (int i = 0; i < n; i++)
        {
            double? v = data.ElementType switch
            {
                ElementType.Float => BinaryPrimitives.ReadSingleLittleEndian(span[(i * 4)..]),
                ElementType.Double => BinaryPrimitives.ReadDoubleLittleEndian(span[(i * 8)..]),
                ElementType.Float16 => (double)BinaryPrimitives.ReadHalfLittleEndian(span[(i * 2)..]),
                ElementType.BFloat16 => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(span[(i * 2)..]) << 16),
                _ => null,
            };
            if (v is null)
            {
                return ToInt64Array(data)?.Select(x => (double)x).ToArray();
            }
            result[i] = v.Value;
        }
        return result;
    }
}
