using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>Reading operands as doubles and writing results in the declared element type.</summary>
internal static class NnData
{
    /// <summary>Tensors above this many elements are refused (allocations sized by data).</summary>
    public const long MaxElements = 1L << 31;

    /// <summary>Operand <paramref name="index"/> as doubles.</summary>
    public static double[] Doubles(EvaluationContext ctx, int index)
    {
        var t = ctx.Tensor(index);
        return TensorValues.ToDoubleArray(t) ?? Unsupported(ctx, t);
    }

    /// <summary>Operand <paramref name="index"/> as doubles, or null when omitted.</summary>
    public static double[]? OptionalDoubles(EvaluationContext ctx, int index) =>
        ctx.HasInput(index) && ctx.Input(index) is TensorValue ? Doubles(ctx, index) : null;

    /// <summary>Operand <paramref name="index"/> as int64 values.</summary>
    public static long[] Int64s(EvaluationContext ctx, int index)
    {
        var t = ctx.Tensor(index);
        return TensorValues.ToInt64Array(t) ?? Unsupported<long>(ctx, t);
    }

    /// <summary>The dimensions of operand <paramref name="index"/>.</summary>
    public static long[] Dims(EvaluationContext ctx, int index) => [.. ctx.Tensor(index).Dimensions];

    /// <summary>The element type result <paramref name="index"/> must have (declared, else operand 0's).</summary>
    public static ElementType OutType(EvaluationContext ctx, int index) =>
        index < ctx.OutputTypes.Length && ctx.OutputTypes[index] is TensorType { ElementType: not ElementType.Undefined } t
            ? t.ElementType : ctx.Tensor(0).ElementType;

    /// <summary>Sets result <paramref name="index"/> from doubles.</summary>
    public static void Set(EvaluationContext ctx, int index, double[] values, long[] dims) =>
        Set(ctx, index, OutType(ctx, index), values, dims);

    /// <summary>Sets result <paramref name="index"/> from doubles with an explicit element type.</summary>
    public static void Set(EvaluationContext ctx, int index, ElementType type, double[] values, long[] dims)
    {
        if (index < ctx.OutputCount)
        {
            ctx.SetOutput(index, TensorFactory.FromDoubles(type, values, [.. dims]));
        }
    }

    /// <summary>Sets result <paramref name="index"/> from int64 values.</summary>
    public static void SetInt64(EvaluationContext ctx, int index, long[] values, long[] dims)
    {
        if (index < ctx.OutputCount)
        {
            ctx.SetOutput(index, TensorFactory.FromInt64s(OutType(ctx, index), values, [.. dims]));
        }
    }

    /// <summary>The element count of <paramref name="dims"/>; fails beyond <see cref="MaxElements"/> or on negatives.</summary>
    public static int Count(EvaluationContext ctx, ReadOnlySpan<long> dims)
    {
        long n = 1;
        foreach (long d in dims)
        {
            if (d < 0)
            {
                ctx.Fail($"negative dimension {d}");
            }
            n = d == 0 ? 0 : n > MaxElements / d ? MaxElements + 1 : n * d;
        }
        if (n > MaxElements)
        {
            ctx.Fail("the result would have more than 2^31 elements");
        }
        return (int)n;
    }

    /// <summary>Normalizes <paramref name="axis"/> against <paramref name="rank"/>; fails when out of range.</summary>
    public static int Axis(EvaluationContext ctx, long axis, int rank)
    {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= System.Math.Max(rank, 1))
        {
            ctx.Fail($"axis {axis} is out of range for rank {rank}");
        }
        return (int)a;
    }

    /// <summary>The product of <paramref name="dims"/>[from..to).</summary>
    public static int Product(long[] dims, int from, int to)
    {
        long p = 1;
        for (int i = from; i < to; i++)
        {
            p *= dims[i];
        }
        return (int)p;
    }

    /// <summary>Wraps an immutable dimension list.</summary>
    public static ImmutableArray<long> Immutable(long[] dims) => [.. dims];

    private static double[] Unsupported(EvaluationContext ctx, TensorData t) => Unsupported<double>(ctx, t);

    private static T[] Unsupported<T>(EvaluationContext ctx, TensorData t)
    {
        ctx.Fail($"element type {t.ElementType.GetName()} is not numeric");
        return [];
    }
}
