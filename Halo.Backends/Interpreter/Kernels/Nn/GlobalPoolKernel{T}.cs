using System.Numerics;
using System.Numerics.Tensors;

namespace Halo.Backends.Interpreter.Kernels.Nn;

/// <summary>GlobalAveragePool / GlobalMaxPool: one value per (batch, channel) over all spatial axes,
/// which are kept with size 1.</summary>
internal sealed class GlobalPoolKernel<T>(bool max) : Kernel
    where T : unmanaged, INumber<T>
{
    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        if (x.Rank < 2)
        {
            throw new InvalidOperationException("The input needs batch and channel axes.");
        }
        int planes = x.Shape[0] * x.Shape[1];
        int size = ShapeMath.Product(x.Shape, 2, x.Rank);
        int[] shape = [.. x.Shape];
        shape.AsSpan(2).Fill(1);
        var y = context.AllocateOutput(0, x.ElementType, shape);
        var src = x.AsSpan<T>();
        var dst = y.AsSpan<T>();
        T count = T.CreateChecked(size);
        for (int p = 0; p < planes; p++)
        {
            var plane = src.Slice(p * size, size);
            dst[p] = size == 0 ? T.Zero : max ? TensorPrimitives.Max<T>(plane) : TensorPrimitives.Sum<T>(plane) / count;
        }
    }
}
