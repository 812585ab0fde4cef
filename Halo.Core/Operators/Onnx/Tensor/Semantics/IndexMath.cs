using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Tensor.Semantics;

/// <summary>Index arithmetic shared by the tensor-family kernels: strides, axis normalization, integer operands
/// and per-axis index maps.</summary>
internal static class IndexMath
{
    /// <summary>Row-major strides of <paramref name="dims"/>.</summary>
    public static long[] Strides(IReadOnlyList<long> dims)
    {
        var strides = new long[dims.Count];
        long s = 1;
        for (int i = dims.Count - 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= dims[i];
        }
        return strides;
    }

    /// <summary>The product of <paramref name="dims"/>[from..to).</summary>
    public static long Product(IReadOnlyList<long> dims, int from = 0, int to = -1)
    {
        long p = 1;
        for (int i = from; i < (to < 0 ? dims.Count : to); i++)
        {
            p *= dims[i];
        }
        return p;
    }

    /// <summary><paramref name="axis"/> in [0, rank), negative counting from the end; fails outside [-rank, rank).</summary>
    public static int Axis(EvaluationContext ctx, long axis, int rank)
    {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank)
        {
            ctx.Fail($"axis {axis} is out of range for rank {rank}");
        }
        return (int)a;
    }

    /// <summary>The elements of an integer operand as int64 (floats are truncated).</summary>
    public static long[] Longs(TensorData data) =>
        TensorValues.ToInt64Array(data) ?? Array.ConvertAll(TensorValues.ToDoubleArray(data) ?? Unsupported<double>(data), d => (long)d);

    /// <summary>The elements of a numeric operand as double.</summary>
    public static double[] Doubles(TensorData data) =>
        TensorValues.ToDoubleArray(data) ?? Array.ConvertAll(TensorValues.ToInt64Array(data) ?? Unsupported<long>(data), l => (double)l);

    private static T[] Unsupported<T>(TensorData data) =>
        throw new EvaluationException($"{data.ElementType.GetName()} elements cannot be read as numbers here");

    /// <summary>The axes from operand <paramref name="input"/> when present, else from attribute "axes", or null.</summary>
    public static long[]? AxesOf(EvaluationContext ctx, int input)
    {
        if (ctx.Schema.Id.SinceVersion >= 13 || ctx.Schema.Attributes.ContainsKey("axes") is false)
        {
            return ctx.OptionalTensor(input) is { } t ? Longs(t) : null;
        }
        return ctx.GetInts("axes") is { } a ? [.. a] : null;
    }

    /// <summary>
    /// The source element index of every element of an output of <paramref name="outDims"/>: the sum over axes of
    /// <paramref name="axisIndex"/>[k][coordinate k] * <paramref name="axisStride"/>[k]; -1 where any axis index is negative
    /// (a fill element).
    /// </summary>
    public static long[] Map(ImmutableArray<long> outDims, long[][] axisIndex, long[] axisStride)
    {
        long n = TensorData.CheckedElementCount(outDims);
        ElementWriter.Check(n);
        var map = new long[n];
        int rank = outDims.Length;
        var coord = new int[rank];
        for (long i = 0; i < n; i++)
        {
            long src = 0;
            for (int k = 0; k < rank; k++)
            {
                long v = axisIndex[k][coord[k]];
                if (v < 0)
                {
                    src = long.MinValue;
                    break;
                }
                src += v * axisStride[k];
            }
            map[i] = src < 0 ? -1 : src;
            for (int k = rank - 1; k >= 0; k--)
            {
                if (++coord[k] < outDims[k])
                {
                    break;
                }
                coord[k] = 0;
            }
        }
        return map;
    }

    /// <summary>The identity index table 0..n-1.</summary>
    public static long[] Iota(long n)
    {
        var r = new long[n];
        for (long i = 0; i < n; i++)
        {
            r[i] = i;
        }
        return r;
    }

    /// <summary>The element type of tensor result <paramref name="index"/>.</summary>
    public static IR.Types.ElementType OutputElementType(EvaluationContext ctx, int index) =>
        ctx.OutputTypes[index] is IR.Types.TensorType t ? t.ElementType : IR.Types.ElementType.Undefined;
}
