using System.Buffers.Binary;
using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Types;

namespace Halo.Core.Semantics;

/// <summary>Creates tensors of any numeric element type from wide .NET values (double or int64), converting
/// each element as ONNX's Cast does (round to nearest even for floats, wrap-around for integers, 0/1 for bool).</summary>
public static class TensorFactory
{
    /// <summary>A tensor of <paramref name="type"/> from doubles.</summary>
    public static TensorData FromDoubles(ElementType type, ReadOnlySpan<double> values, ImmutableArray<long> dimensions)
    {
        if (type.IsInteger() || type == ElementType.Bool)
        {
            var longs = new long[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                longs[i] = type == ElementType.Bool ? (values[i] != 0 ? 1 : 0) : DoubleToInt64(values[i]);
            }
            return FromInt64s(type, longs, dimensions);
        }
        int size = type.BitWidth() / 8;
        if (size == 0 || !type.IsFloatingPoint() || type.BitWidth() == 8 || type.BitWidth() == 4)
        {
            throw new ArgumentException($"Cannot create {type.GetName()} tensors from doubles.", nameof(type));
        }
        var bytes = new byte[values.Length * size];
        for (int i = 0; i < values.Length; i++)
        {
            var span = bytes.AsSpan(i * size);
            switch (type)
            {
                case ElementType.Float: BinaryPrimitives.WriteSingleLittleEndian(span, (float)values[i]); break;
                case ElementType.Double: BinaryPrimitives.WriteDoubleLittleEndian(span, values[i]); break;
                case ElementType.Float16: BinaryPrimitives.WriteHalfLittleEndian(span, (Half)values[i]); break;
                default: BinaryPrimitives.WriteUInt16LittleEndian(span, ToBFloat16((float)values[i])); break;
            }
        }
        return TensorData.FromBytes(type, dimensions, bytes);
    }

    /// <summary>A tensor of <paramref name="type"/> from int64 values (integers wrap around; floats convert).</summary>
    public static TensorData FromInt64s(ElementType type, ReadOnlySpan<long> values, ImmutableArray<long> dimensions)
    {
        if (type.IsFloatingPoint())
        {
            var doubles = new double[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                doubles[i] = values[i];
            }
            return FromDoubles(type, doubles, dimensions);
        }
        if (type is ElementType.Int4 or ElementType.UInt4)
        {
            var packed = new byte[(values.Length + 1) / 2];
            for (int i = 0; i < values.Length; i++)
            {
                packed[i / 2] |= (byte)((values[i] & 0xF) << (i % 2 * 4));
            }
            return TensorData.FromBytes(type, dimensions, packed);
        }
        int size = type.BitWidth() / 8;
        if (size == 0)
        {
            throw new ArgumentException($"Cannot create {type.GetName()} tensors from integers.", nameof(type));
        }
        var bytes = new byte[values.Length * size];
        for (int i = 0; i < values.Length; i++)
        {
            long v = type == ElementType.Bool ? (values[i] != 0 ? 1 : 0) : values[i];
            var span = bytes.AsSpan(i * size);
            switch (size)
            {
                case 1: span[0] = unchecked((byte)v); break;
                case 2: BinaryPrimitives.WriteInt16LittleEndian(span, unchecked((short)v)); break;
                case 4: BinaryPrimitives.WriteInt32LittleEndian(span, unchecked((int)v)); break;
                default: BinaryPrimitives.WriteInt64LittleEndian(span, v); break;
            }
        }
        return TensorData.FromBytes(type, dimensions, bytes);
    }

    /// <summary>float32 to bfloat16 bits, rounding to nearest even; NaN stays NaN.</summary>
    public static ushort ToBFloat16(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        if (float.IsNaN(value))
        {
            return (ushort)((bits >> 16) | 0x40);
        }
        uint rounding = 0x7FFF + ((bits >> 16) & 1);
        return (ushort)((bits + rounding) >> 16);
    }

    private static long DoubleToInt64(double value) =>
        double.IsNaN(value) ? 0 : value >= 9.2233720368547758E18 ? long.MaxValue : value <= -9.2233720368547758E18 ? long.MinValue : (long)value;
}
