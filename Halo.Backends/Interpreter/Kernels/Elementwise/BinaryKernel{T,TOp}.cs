namespace Halo.Backends.Interpreter.Kernels.Elementwise;

/// <summary>An elementwise binary operator (Add, Sub, Mul, Div) with numpy broadcasting, vectorized by
/// rows and parallel over rows or chunks of large outputs.</summary>
internal sealed unsafe partial class BinaryKernel<T, TOp> : Kernel
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
        var workers = context.Workers;
        int threads = workers.Threads;
        if (threads == 1 || y.Length < ParallelThreshold)
        {
            for (int r = 0; r < rows; r++)
            {
                Row(layout, r, 0, length, pa, pb, py);
            }
            return;
        }
        // PERF: whole rows when there are enough of them, else pieces of rows, a few per thread.
        int perRow = rows >= threads ? 1 : threads * 4 / rows;
        var body = new Pieces(layout, perRow, pa, pb, py);
        workers.For(rows * perRow, Math.Min(rows * perRow, threads * 2), ref body);
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
