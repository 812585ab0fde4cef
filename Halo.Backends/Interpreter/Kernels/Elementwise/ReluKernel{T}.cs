using System.Numerics;
using System.Numerics.Tensors;

namespace Halo.Backends.Interpreter.Kernels.Elementwise;

/// <summary>Relu: max(x, 0), vectorized.</summary>
internal sealed class ReluKernel<T> : Kernel
    where T : unmanaged, INumber<T>
{
    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.AllocateOutput(0, x.ElementType, x.ShapeArray);
        TensorPrimitives.Max(x.AsSpan<T>(), T.Zero, y.AsSpan<T>());
    }
}
