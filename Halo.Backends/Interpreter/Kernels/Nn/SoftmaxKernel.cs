using System.Numerics.Tensors;
using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter.Kernels.Nn;

/// <summary>Softmax (float32), numerically stable (the row maximum is subtracted). Versions 1–12 flatten
/// the input to 2-D at 'axis' (default 1) and normalize each row; version 13 normalizes along 'axis'
/// (default -1).</summary>
internal sealed unsafe partial class SoftmaxKernel(long axis, bool coerce2D) : Kernel
{
    public static void Register(KernelTable.Builder table) => table.Add("Softmax", c =>
        c.InputType(0) is ElementType.Float or ElementType.Undefined
            ? new SoftmaxKernel(c.Attributes.GetInt("axis", c.SinceVersion < 13 ? 1 : -1), c.SinceVersion < 13)
            : KernelCreateResult.BadType(c.InputType(0)));

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.AllocateOutput(0, ElementType.Float, x.ShapeArray);
        if (x.Length == 0)
        {
            return;
        }
        int a = ShapeMath.NormalizeAxis(axis, x.Rank);
        int size = coerce2D ? ShapeMath.Product(x.Shape, a, x.Rank) : x.Shape[a];
        int inner = coerce2D ? 1 : ShapeMath.Product(x.Shape, a + 1, x.Rank);
        int outer = x.Length / (size * inner);
        nint px = x.Address, py = y.Address;
        if (inner == 1)
        {
            var rows = new Rows((float*)px, (float*)py, size);
            context.Workers.For(outer, context.Workers.ChunksFor((long)outer * size, 1 << 13), ref rows);
            return;
        }
        var column = new float[size];
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                float* src = (float*)px + (long)o * size * inner + i;
                float* dst = (float*)py + (long)o * size * inner + i;
                for (int k = 0; k < size; k++)
                {
                    column[k] = src[(long)k * inner];
                }
                Row(column, column);
                for (int k = 0; k < size; k++)
                {
                    dst[(long)k * inner] = column[k];
                }
            }
        }
    }

    private static void Row(ReadOnlySpan<float> x, Span<float> y)
    {
        float max = TensorPrimitives.Max(x);
        TensorPrimitives.Subtract(x, max, y);
        TensorPrimitives.Exp(y, y);
        float sum = TensorPrimitives.Sum<float>(y);
        TensorPrimitives.Divide(y, sum, y);
    }
}
