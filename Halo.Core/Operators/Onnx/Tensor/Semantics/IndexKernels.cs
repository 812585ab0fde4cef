using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Tensor.Semantics;

/// <summary>Reference semantics of OneHot and NonZero.</summary>
internal static class IndexKernels
{
    public static void OneHot(EvaluationContext ctx)
    {
        var indicesTensor = ctx.Tensor(0);
        double[] indices = IndexMath.Doubles(indicesTensor);
        long depth = (long)IndexMath.Doubles(ctx.Tensor(1))[0];
        var values = ctx.Tensor(2);
        if (depth <= 0 || values.ElementCount != 2)
        {
            ctx.Fail("depth must be positive and values hold two elements");
        }
        int rank = indicesTensor.Dimensions.Length + 1;
        int axis = IndexMath.Axis(ctx, ctx.GetInt("axis", -1), rank);
        var dims = indicesTensor.Dimensions.Insert(axis, depth);
        long outer = IndexMath.Product(indicesTensor.Dimensions, 0, axis), inner = IndexMath.Product(indicesTensor.Dimensions, axis);
        var writer = new ElementWriter(values.ElementType, ConstantKernels.CountOf(dims));
        long dst = 0;
        for (long o = 0; o < outer; o++)
        {
            for (long j = 0; j < depth; j++)
            {
                for (long i = 0; i < inner; i++)
                {
                    long k = (long)indices[o * inner + i];
                    k = k < 0 ? k + depth : k;
                    writer.Copy(dst++, values, k == j ? 1 : 0);
                }
            }
        }
        ctx.SetOutput(0, writer.Build(dims));
    }

    public static void NonZero(EvaluationContext ctx)
    {
        var data = ctx.Tensor(0);
        var d = data.Dimensions;
        bool[] nonZero = IsNonZero(data);
        var found = new List<long>();
        for (long i = 0; i < nonZero.Length; i++)
        {
            if (nonZero[i])
            {
                found.Add(i);
            }
        }
        var strides = IndexMath.Strides(d);
        var result = new long[d.Length * found.Count];
        for (int k = 0; k < d.Length; k++)
        {
            for (int j = 0; j < found.Count; j++)
            {
                result[(k * found.Count) + j] = found[j] / strides[k] % d[k];
            }
        }
        ctx.SetOutput(0, TensorData.FromInt64s(result, d.Length, found.Count));
    }

    private static bool[] IsNonZero(TensorData data)
    {
        if (data.ElementType == ElementType.String)
        {
            return [.. data.Strings.Select(s => s.Length > 0)];
        }
        if (TensorValues.ToDoubleArray(data) is { } doubles)
        {
            return [.. doubles.Select(v => v != 0)];
        }
        if (TensorValues.ToInt64Array(data) is { } longs)
        {
            return [.. longs.Select(v => v != 0)];
        }
        // ONNX: float8 and 4-bit codes are zero when their magnitude bits are (negative zero included;
        // the FNUZ formats have no negative zero, 0x80 is their NaN).
        int bits = data.ElementType.BitWidth();
        int magnitude = data.ElementType switch
        {
            ElementType.Float8E4M3FNUZ or ElementType.Float8E5M2FNUZ => 0xFF,
            ElementType.Float4E2M1 => 0x7,
            ElementType.Int4 or ElementType.UInt4 => 0xF,
            _ when bits == 8 => 0x7F,
            _ => -1,
        };
        var bytes = data.Bytes.Span;
        var result = new bool[data.ElementCount];
        for (int i = 0; i < result.Length; i++)
        {
            int code = bits == 4 ? (bytes[i >> 1] >> ((i & 1) * 4)) & 0xF : bits == 8 ? bytes[i] : -1;
            result[i] = magnitude < 0 ? bytes.Slice(i * (bits / 8), bits / 8).ContainsAnyExcept((byte)0) : (code & magnitude) != 0;
        }
        return result;
    }
}
