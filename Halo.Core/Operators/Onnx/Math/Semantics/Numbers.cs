using System.Buffers.Binary;
using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Math.Semantics;

/// <summary>Reads tensor elements as double or int64 (uint64 as its bit pattern, 4-bit types unpacked) and writes
/// results of any numeric type; the working representation of the math family's reference kernels.</summary>
internal static class Numbers
{
    /// <summary>Whether elements of <paramref name="type"/> are computed in double (floating-point types).</summary>
    public static bool IsFloat(ElementType type) => type.IsFloatingPoint();

    /// <summary>The element type of result <paramref name="index"/>.</summary>
    public static ElementType OutputType(EvaluationContext ctx, int index) =>
        ctx.OutputTypes[index] is TensorType t ? t.ElementType : ElementType.Undefined;

    /// <summary>The elements as double (uint64 read unsigned).</summary>
    public static double[] ReadDoubles(TensorData data)
    {
        if (data.ElementType == ElementType.UInt64)
        {
            var u = data.AsSpan<ulong>();
            var r = new double[u.Length];
            for (int i = 0; i < u.Length; i++)
            {
                r[i] = u[i];
            }
            return r;
        }
        if (MiniFloats.IsFloat8(data.ElementType))
        {
            return MiniFloats.Read(data);
        }
        if (data.ElementType.IsInteger() || data.ElementType == ElementType.Bool)
        {
            var l = ReadLongs(data);
            var r = new double[l.Length];
            for (int i = 0; i < l.Length; i++)
            {
                r[i] = l[i];
            }
            return r;
        }
        return TensorValues.ToDoubleArray(data) ?? throw new EvaluationException($"cannot read {data.ElementType.GetName()} elements as numbers");
    }

    /// <summary>The elements as int64 (uint64 as its bit pattern; floats truncated).</summary>
    public static long[] ReadLongs(TensorData data)
    {
        if (data.ElementType is ElementType.Int4 or ElementType.UInt4)
        {
            var bytes = data.Bytes.Span;
            var r = new long[data.ElementCount];
            for (int i = 0; i < r.Length; i++)
            {
                int nibble = (bytes[i / 2] >> (i % 2 * 4)) & 0xF;
                r[i] = data.ElementType == ElementType.Int4 && nibble >= 8 ? nibble - 16 : nibble;
            }
            return r;
        }
        if (IsFloat(data.ElementType))
        {
            var d = ReadDoubles(data);
            var r = new long[d.Length];
            for (int i = 0; i < d.Length; i++)
            {
                r[i] = double.IsNaN(d[i]) ? 0 : (long)d[i];
            }
            return r;
        }
        return TensorValues.ToInt64Array(data) ?? throw new EvaluationException($"cannot read {data.ElementType.GetName()} elements as integers");
    }

    /// <summary>The first element of a scalar-like operand as double; fails when it has none.</summary>
    public static double FirstDouble(EvaluationContext ctx, TensorData data)
    {
        if (data.ElementCount == 0)
        {
            ctx.Fail("a scalar operand is empty");
        }
        return ReadDoubles(data)[0];
    }

    /// <summary>The first element of a scalar-like operand as int64; fails when it has none.</summary>
    public static long FirstLong(EvaluationContext ctx, TensorData data)
    {
        if (data.ElementCount == 0)
        {
            ctx.Fail("a scalar operand is empty");
        }
        return ReadLongs(data)[0];
    }

    /// <summary>A tensor of <paramref name="type"/> from doubles (float8 included).</summary>
    public static TensorData FromDoubles(ElementType type, double[] values, ImmutableArray<long> dims)
    {
        if (MiniFloats.IsFloat8(type))
        {
            return MiniFloats.Write(type, values, dims, saturate: true);
        }
        if (type == ElementType.UInt64)
        {
            var u = new ulong[values.Length];
            for (int i = 0; i < u.Length; i++)
            {
                double v = values[i];
                u[i] = double.IsNaN(v) ? 0 : v < 0 ? unchecked((ulong)(long)System.Math.Max(v, long.MinValue))
                    : v >= 18446744073709551615.0 ? ulong.MaxValue : (ulong)v;
            }
            return TensorData.Create<ulong>(type, u, dims.AsSpan());
        }
        return TensorFactory.FromDoubles(type, values, dims);
    }

    /// <summary>A tensor of <paramref name="type"/> from int64 values (integers wrap around).</summary>
    public static TensorData FromLongs(ElementType type, long[] values, ImmutableArray<long> dims)
    {
        if (type == ElementType.UInt64)
        {
            var bytes = new byte[values.Length * 8];
            for (int i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * 8), values[i]);
            }
            return TensorData.FromBytes(type, dims, bytes);
        }
        if (IsFloat(type))
        {
            var d = new double[values.Length];
            for (int i = 0; i < d.Length; i++)
            {
                d[i] = values[i];
            }
            return FromDoubles(type, d, dims);
        }
        return TensorFactory.FromInt64s(type, values, dims);
    }

    /// <summary>A bool tensor.</summary>
    public static TensorData FromBools(bool[] values, ImmutableArray<long> dims)
    {
        var bytes = new byte[values.Length];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = values[i] ? (byte)1 : (byte)0;
        }
        return TensorData.FromBytes(ElementType.Bool, dims, bytes);
    }

    /// <summary>Element count of <paramref name="dims"/> as int, failing beyond 2^31 elements.</summary>
    public static int Count(EvaluationContext ctx, ReadOnlySpan<long> dims)
    {
        long n = 1;
        foreach (long d in dims)
        {
            if (d < 0)
            {
                ctx.Fail($"negative dimension {d}");
            }
            n *= d;
            if (n > int.MaxValue)
            {
                ctx.Fail("the result has more than 2^31 elements");
            }
        }
        return (int)n;
    }
}
