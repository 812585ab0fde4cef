using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>Block statistics and broadcast index maps shared by the normalization kernels.</summary>
internal static class NnMath
{
    /// <summary>The mean and population variance of each of <paramref name="blocks"/> contiguous blocks of
    /// <paramref name="size"/> values.</summary>
    public static (double[] Mean, double[] Variance) BlockMoments(double[] x, int blocks, int size)
    {
        var mean = new double[blocks];
        var variance = new double[blocks];
        for (int b = 0; b < blocks; b++)
        {
            double sum = 0;
            for (int i = 0; i < size; i++)
            {
                sum += x[(b * size) + i];
            }
            double m = size == 0 ? 0 : sum / size;
            double sq = 0;
            for (int i = 0; i < size; i++)
            {
                double d = x[(b * size) + i] - m;
                sq += d * d;
            }
            mean[b] = m;
            variance[b] = size == 0 ? 0 : sq / size;
        }
        return (mean, variance);
    }

    /// <summary>For each element of <paramref name="target"/>, the flat index of the element of <paramref name="source"/>
    /// that broadcasts to it (numpy rules, right-aligned); fails when the shapes do not broadcast that way.</summary>
    public static int[] BroadcastMap(EvaluationContext ctx, long[] target, long[] source)
    {
        int rank = target.Length;
        if (source.Length > rank)
        {
            ctx.Fail($"shape [{string.Join(",", source)}] does not broadcast to [{string.Join(",", target)}]");
        }
        var strides = new long[rank];
        long stride = 1;
        for (int i = source.Length - 1; i >= 0; i--)
        {
            int t = rank - source.Length + i;
            if (source[i] != 1 && source[i] != target[t])
            {
                ctx.Fail($"shape [{string.Join(",", source)}] does not broadcast to [{string.Join(",", target)}]");
            }
            strides[t] = source[i] == 1 ? 0 : stride;
            stride *= source[i];
        }
        return ReduceMap(target, strides);
    }

    /// <summary>For each element of <paramref name="dims"/>, the flat index into the shape with
    /// <paramref name="reduced"/> axes removed (kept as size 1).</summary>
    public static int[] KeyMap(long[] dims, bool[] reduced, out int keys)
    {
        var strides = new long[dims.Length];
        long stride = 1;
        for (int i = dims.Length - 1; i >= 0; i--)
        {
            strides[i] = reduced[i] ? 0 : stride;
            stride *= reduced[i] ? 1 : dims[i];
        }
        keys = (int)stride;
        return ReduceMap(dims, strides);
    }

    private static int[] ReduceMap(long[] dims, long[] strides)
    {
        int count = NnData.Product(dims, 0, dims.Length);
        var map = new int[count];
        var index = new long[dims.Length];
        long offset = 0;
        for (int e = 0; e < count; e++)
        {
            map[e] = (int)offset;
            for (int a = dims.Length - 1; a >= 0; a--)
            {
                index[a]++;
                offset += strides[a];
                if (index[a] < dims[a])
                {
                    break;
                }
                offset -= strides[a] * index[a];
                index[a] = 0;
            }
        }
        return map;
    }
}
