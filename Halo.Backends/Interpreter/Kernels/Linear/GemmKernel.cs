using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter.Kernels.Linear;

/// <summary>ONNX Gemm (float32): Y = alpha·op(A)·op(B) + beta·C, op = optional transpose, C unidirectionally
/// broadcast to [M, N]. A constant B is transposed once, when the session is created.</summary>
internal sealed unsafe class GemmKernel : Kernel
{
    private readonly bool _transA;
    private readonly bool _transB;
    private readonly float _alpha;
    private readonly float _beta;
    private readonly Tensor? _packedB;

    private GemmKernel(KernelCreateContext context)
    {
        _transA = context.Attributes.GetInt("transA", 0) != 0;
        _transB = context.Attributes.GetInt("transB", 0) != 0;
        _alpha = context.Attributes.GetFloat("alpha", 1f);
        _beta = context.Attributes.GetFloat("beta", 1f);
        if (context.ConstantInput(1) is { Dimensions.Length: 2 } b)
        {
            // PERF: weights are constant; lay them out as [K, N] once instead of on every run.
            var t = Tensor.FromTensorData(b);
            _packedB = _transB ? Transposed(t) : t;
        }
    }

    public static KernelCreateResult Create(KernelCreateContext context) =>
        context.InputType(0) is ElementType.Float or ElementType.Undefined ? new GemmKernel(context)
            : KernelCreateResult.BadType(context.InputType(0));

    public static void Register(KernelTable.Builder table) => table.Add("Gemm", Create);

    public override void Execute(KernelContext context)
    {
        var a = context.Input(0);
        var b = _packedB ?? context.Input(1);
        bool transB = _packedB is null && _transB;
        if (a.Rank != 2 || b.Rank != 2)
        {
            throw new InvalidOperationException("Gemm operands must be matrices.");
        }
        int m = _transA ? a.Shape[1] : a.Shape[0], k = _transA ? a.Shape[0] : a.Shape[1];
        int n = transB ? b.Shape[0] : b.Shape[1];
        if ((transB ? b.Shape[1] : b.Shape[0]) != k)
        {
            throw new InvalidOperationException($"Gemm inner dimensions differ: {ShapeMath.Format(a.Shape)} and {ShapeMath.Format(b.Shape)}.");
        }
        var y = context.AllocateOutput(0, ElementType.Float, [m, n]);
        var aT = _transA ? TransposeScratch(context, a) : null;
        var bT = transB ? TransposeScratch(context, b) : null;
        try
        {
            Sgemm.Multiply((float*)(aT ?? a).Address, k, (float*)(bT ?? b).Address, n, (float*)y.Address, n, m, n, k, false, context.Workers);
        }
        finally
        {
            ReleaseIfNotNull(context, aT);
            ReleaseIfNotNull(context, bT);
        }
        Finish(y.AsSpan<float>(), context.OptionalInput(2), m, n);
    }

    private void Finish(Span<float> y, Tensor? c, int m, int n)
    {
        if (_alpha != 1f)
        {
            System.Numerics.Tensors.TensorPrimitives.Multiply(y, _alpha, y);
        }
        if (c is null || _beta == 0f)
        {
            return;
        }
        var cs = c.AsSpan<float>();
        int[] shape = [.. c.Shape];
        int rows = shape.Length == 2 ? shape[0] : 1;
        int cols = shape.Length == 0 ? 1 : shape[^1];
        if (rows != 1 && rows != m || cols != 1 && cols != n)
        {
            throw new InvalidOperationException($"Gemm C of shape {ShapeMath.Format(c.Shape)} does not broadcast to [{m},{n}].");
        }
        for (int i = 0; i < m; i++)
        {
            var row = y.Slice(i * n, n);
            var crow = cs.Slice(rows == 1 ? 0 : i * cols, cols);
            if (cols == 1)
            {
                System.Numerics.Tensors.TensorPrimitives.Add(row, _beta * crow[0], row);
            }
            else
            {
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(crow, _beta, row, row);
            }
        }
    }

    private static void ReleaseIfNotNull(KernelContext context, Tensor? t)
    {
        if (t is not null)
        {
            context.Release(t);
        }
    }

    private static Tensor TransposeScratch(KernelContext context, Tensor t)
    {
        var result = context.Allocate(ElementType.Float, [t.Shape[1], t.Shape[0]]);
        MatrixTranspose.Transpose((float*)t.Address, t.Shape[0], t.Shape[1], (float*)result.Address);
        return result;
    }

    private static Tensor Transposed(Tensor t)
    {
        var result = Tensor.Zeros(ElementType.Float, t.Shape[1], t.Shape[0]);
        MatrixTranspose.Transpose((float*)t.Address, t.Shape[0], t.Shape[1], (float*)result.Address);
        // Only its address was used: keep the source alive until the transpose is done.
        GC.KeepAlive(t);
        return result;
    }
}
