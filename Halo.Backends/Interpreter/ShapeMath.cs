namespace Halo.Backends.Interpreter;

/// <summary>Shape arithmetic shared by kernels (row-major layouts).</summary>
internal static class ShapeMath
{
    /// <summary>The product of <paramref name="shape"/>.</summary>
    /// <exception cref="OverflowException">More than <see cref="int.MaxValue"/> elements.</exception>
    public static int ElementCount(ReadOnlySpan<int> shape)
    {
        int count = 1;
        foreach (int d in shape)
        {
            count = checked(count * d);
        }
        return count;
    }

    /// <summary>Row-major strides (in elements) of <paramref name="shape"/>.</summary>
    public static int[] Strides(ReadOnlySpan<int> shape)
    {
        var strides = new int[shape.Length];
        int s = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= shape[i];
        }
        return strides;
    }

    /// <summary>The product of the sizes in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static int Product(ReadOnlySpan<int> shape, int start, int end)
    {
        int p = 1;
        for (int i = start; i < end; i++)
        {
            p *= shape[i];
        }
        return p;
    }

    /// <summary>Normalizes a possibly negative axis against <paramref name="rank"/>.</summary>
    /// <exception cref="InvalidOperationException">The axis is out of range.</exception>
    public static int NormalizeAxis(long axis, int rank)
    {
        long a = axis < 0 ? axis + rank : axis;
        return a >= 0 && a < Math.Max(rank, 1) ? (int)a
            : throw new InvalidOperationException($"Axis {axis} is out of range for rank {rank}.");
    }

    /// <summary>The numpy broadcast of two shapes.</summary>
    /// <exception cref="InvalidOperationException">The shapes do not broadcast.</exception>
    public static int[] Broadcast(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            int da = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            int db = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            result[i] = da == db || db == 1 ? da : da == 1 ? db
                : throw new InvalidOperationException($"Shapes [{string.Join(",", a.ToArray())}] and [{string.Join(",", b.ToArray())}] do not broadcast.");
        }
        return result;
    }

    /// <summary>Formats a shape as <c>[a,b,c]</c>.</summary>
    public static string Format(ReadOnlySpan<int> shape) => "[" + string.Join(",", shape.ToArray()) + "]";
}
