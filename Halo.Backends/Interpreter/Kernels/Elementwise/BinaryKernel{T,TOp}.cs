namespace Halo.Backends.Interpreter.Kernels.Elementwise;

/// <summary>An elementwise binary operator (Add, Sub, Mul, Div) with numpy broadcasting, vectorized by
/// rows and parallel over rows or chunks of large outputs.</summary>
internal sealed unsafe class BinaryKernel<T, TOp> : Kernel
    where T : unmanaged
    where TOp : IBinaryOperator<T>
{
    private const int ParallelThreshold = 1 << 15;

    public override void Execute(KernelContext context)
    {
        var a = context.Input(0);
        var b = context.Input(1);
        var layout = new BroadcastLayout(a.Shape, b.Shape);
        var y = context.AllocateOutput(0, a.ElementType, layout.OutputShape);
        if (y.Length == 0)
        {
            return;
        }
        nint pa = a.Address, pb = b.Address, py = y.Address;
        int rows = layout.RowCount, length = layout.RowLength;
        int threads = context.DegreeOfParallelism;
        if (threads == 1 || y.Length < ParallelThreshold)
        {
            for (int r = 0; r < rows; r++)
            {
                Row(layout, r, 0, length, pa, pb, py);
            }
            return;
        }
        int chunks = rows >= threads ? rows : threads * 4;
        int perRow = chunks / rows;
        int piece = (length + perRow - 1) / perRow;
        Parallel.For(0, rows * perRow, context.ParallelOptions, c =>
        {
            int r = c / perRow, start = c % perRow * piece;
            Row(layout, r, start, Math.Min(length, start + piece), pa, pb, py);
        });
    }

    private static void Row(BroadcastLayout layout, int row, int start, int end, nint pa, nint pb, nint py)
    {
        if (end <= start)
        {
            return;
        }
        var (oa, ob) = layout.RowOffsets(row);
        int n = end - start;
        var dst = new Span<T>((T*)py + (long)row * layout.RowLength + start, n);
        T* a = (T*)pa + oa, b = (T*)pb + ob;
        switch (layout.InnerStrideA, layout.InnerStrideB)
        {
            case (1, 1):
                TOp.Apply(new ReadOnlySpan<T>(a + start, n), new ReadOnlySpan<T>(b + start, n), dst);
                break;
            case (1, 0):
                TOp.Apply(new ReadOnlySpan<T>(a + start, n), *b, dst);
                break;
            case (0, 1):
                TOp.Apply(*a, new ReadOnlySpan<T>(b + start, n), dst);
                break;
            default:
                TOp.Apply(new ReadOnlySpan<T>(a, 1), *b, dst[..1]);
                dst.Fill(dst[0]);
                break;
        }
    }
}
