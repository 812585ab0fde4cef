namespace Halo.Backends.Interpreter.Kernels.Elementwise;

/// <summary>
/// Numpy broadcasting of two operands as rows: the output is viewed as [outer..., inner] with adjacent
/// axes merged where both operands step the same way, so each row is one vector operation (operand
/// stride 1) or a vector-scalar one (stride 0).
/// </summary>
internal sealed class BroadcastLayout
{
    private readonly int[] _dims;
    private readonly int[] _strideA;
    private readonly int[] _strideB;

    public BroadcastLayout(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        OutputShape = ShapeMath.Broadcast(a, b);
        int rank = OutputShape.Length;
        var sa = Strides(a, OutputShape);
        var sb = Strides(b, OutputShape);
        var dims = new List<int>();
        var la = new List<int>();
        var lb = new List<int>();
        for (int i = 0; i < rank; i++)
        {
            if (OutputShape[i] == 1)
            {
                continue;
            }
            int last = dims.Count - 1;
            if (last >= 0 && la[last] == sa[i] * OutputShape[i] && lb[last] == sb[i] * OutputShape[i])
            {
                dims[last] *= OutputShape[i];
                la[last] = sa[i];
                lb[last] = sb[i];
                continue;
            }
            dims.Add(OutputShape[i]);
            la.Add(sa[i]);
            lb.Add(sb[i]);
        }
        if (dims.Count == 0)
        {
            dims.Add(1);
            la.Add(1);
            lb.Add(1);
        }
        (_dims, _strideA, _strideB) = ([.. dims], [.. la], [.. lb]);
    }

    public int[] OutputShape { get; }

    /// <summary>The length of one row.</summary>
    public int RowLength => _dims[^1];

    /// <summary>The number of rows.</summary>
    public int RowCount => ShapeMath.Product(_dims, 0, _dims.Length - 1);

    /// <summary>Operand A's step within a row (0 or 1).</summary>
    public int InnerStrideA => _strideA[^1];

    /// <summary>Operand B's step within a row (0 or 1).</summary>
    public int InnerStrideB => _strideB[^1];

    /// <summary>The element offsets of row <paramref name="row"/> in A and B.</summary>
    public (long A, long B) RowOffsets(int row)
    {
        long oa = 0, ob = 0;
        for (int d = _dims.Length - 2; d >= 0; d--)
        {
            int i = row % _dims[d];
            row /= _dims[d];
            oa += (long)i * _strideA[d];
            ob += (long)i * _strideB[d];
        }
        return (oa, ob);
    }

    /// <summary>Per output axis, the operand's stride (0 where it broadcasts or is missing).</summary>
    private static int[] Strides(ReadOnlySpan<int> shape, int[] output)
    {
        var own = ShapeMath.Strides(shape);
        var result = new int[output.Length];
        int off = output.Length - shape.Length;
        for (int i = 0; i < shape.Length; i++)
        {
            result[off + i] = shape[i] == 1 ? 0 : own[i];
        }
        return result;
    }
}
