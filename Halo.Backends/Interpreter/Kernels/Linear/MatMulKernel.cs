using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter.Kernels.Linear;

/// <summary>ONNX MatMul (float32) with numpy semantics: 1-D operands are promoted (and the added axis
/// removed), batch dimensions broadcast. A constant 2-D right operand (a linear layer's weight) is packed once
/// (<see cref="TransposedPackedWeight"/>).</summary>
internal sealed unsafe class MatMulKernel(TransposedPackedWeight? weight) : Kernel
{
    // PERF: with fewer rows than this the two transposes of the packed path cost more than they save.
    private const int PackedRows = 16;

    public static KernelCreateResult Create(KernelCreateContext context) =>
        context.InputType(0) is ElementType.Float or ElementType.Undefined
            ? new MatMulKernel(TransposedPackedWeight.TryPack(context.ConstantInput(1)))
            : KernelCreateResult.BadType(context.InputType(0));

    public static void Register(KernelTable.Builder table) => table.Add("MatMul", Create);

    public override void Execute(KernelContext context)
    {
        var a = context.Input(0);
        var b = context.Input(1);
        if (a.Rank == 0 || b.Rank == 0)
        {
            throw new InvalidOperationException("MatMul operands must have rank 1 or more.");
        }
        int[] sa = a.Rank == 1 ? [1, a.Shape[0]] : [.. a.Shape];
        int[] sb = b.Rank == 1 ? [b.Shape[0], 1] : [.. b.Shape];
        int m = sa[^2], k = sa[^1], n = sb[^1];
        if (sb[^2] != k)
        {
            throw new InvalidOperationException($"MatMul inner dimensions differ: {ShapeMath.Format(a.Shape)} and {ShapeMath.Format(b.Shape)}.");
        }
        int[] batch = ShapeMath.Broadcast(sa.AsSpan(0, sa.Length - 2), sb.AsSpan(0, sb.Length - 2));
        var shape = new List<int>(batch);
        if (a.Rank > 1)
        {
            shape.Add(m);
        }
        if (b.Rank > 1)
        {
            shape.Add(n);
        }
        var y = context.AllocateOutput(0, ElementType.Float, [.. shape]);
        float* pa = (float*)a.Address, pb = (float*)b.Address, py = (float*)y.Address;
        if (sb.Length == 2)
        {
            // PERF: a shared right operand makes the batch one tall product.
            int rows = ShapeMath.ElementCount(sa.AsSpan(0, sa.Length - 2)) * m;
            if (weight is not null && rows >= PackedRows && weight.Depth == k && weight.Width == n)
            {
                MultiplyPacked(context, weight, pa, py, rows);
                return;
            }
            Sgemm.Multiply(pa, k, pb, n, py, n, rows, n, k, false, context.Workers);
            return;
        }
        MultiplyBatched(context, sa, sb, batch, pa, pb, py);
    }

    /// <summary>Y = X·B as (Bᵀ·Xᵀ)ᵀ with Bᵀ packed.</summary>
    private static void MultiplyPacked(KernelContext context, TransposedPackedWeight weight, float* x, float* y, int rows)
    {
        int k = weight.Depth, n = weight.Width;
        var xT = context.Allocate(ElementType.Float, [k, rows]);
        var yT = context.Allocate(ElementType.Float, [n, rows]);
        try
        {
            MatrixTranspose.Transpose(x, rows, k, (float*)xT.Address);
            PackedSgemm.Multiply(weight.Matrix, (float*)xT.Address, rows, (float*)yT.Address, rows, rows, GemmEpilogue.None, context.Workers);
            MatrixTranspose.Transpose((float*)yT.Address, n, rows, y);
        }
        finally
        {
            context.Release(xT);
            context.Release(yT);
        }
    }

    private static void MultiplyBatched(KernelContext context, int[] sa, int[] sb, int[] batch, float* pa, float* pb, float* py)
    {
        int m = sa[^2], k = sa[^1], n = sb[^1];
        int[] strideA = BatchStrides(sa, batch.Length, m * k);
        int[] strideB = BatchStrides(sb, batch.Length, k * n);
        int count = ShapeMath.ElementCount(batch);
        var index = new int[batch.Length];
        for (int t = 0; t < count; t++)
        {
            long offA = 0, offB = 0;
            for (int d = 0; d < batch.Length; d++)
            {
                offA += (long)index[d] * strideA[d];
                offB += (long)index[d] * strideB[d];
            }
            Sgemm.Multiply(pa + offA, k, pb + offB, n, py + (long)t * m * n, n, m, n, k, false, context.Workers);
            for (int d = batch.Length - 1; d >= 0 && ++index[d] == batch[d]; d--)
            {
                index[d] = 0;
            }
        }
    }

    /// <summary>Per broadcast batch axis, the operand's stride in elements (0 where it broadcasts).</summary>
    private static int[] BatchStrides(int[] shape, int batchRank, int matrixSize)
    {
        var strides = new int[batchRank];
        int own = shape.Length - 2, s = matrixSize;
        for (int d = batchRank - 1; d >= 0; d--)
        {
            int od = d - (batchRank - own);
            int size = od >= 0 ? shape[od] : 1;
            strides[d] = size == 1 ? 0 : s;
            s *= size;
        }
        return strides;
    }
}
