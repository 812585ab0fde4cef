using System.Numerics;
using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter.Kernels.Reduction;

/// <summary>Registers ReduceMean.</summary>
internal static class ReductionKernels
{
    private static readonly HashSet<ElementType> s_types = [ElementType.Float, ElementType.Double, ElementType.Float16,
        ElementType.Int32, ElementType.Int64, ElementType.UInt32, ElementType.UInt64];

    public static void Register(KernelTable.Builder table) => table.Add("ReduceMean", c =>
        NumericDispatch.Create(c.InputType(0), s_types, new MeanFactory(c)));

    private sealed class MeanFactory(KernelCreateContext c) : INumericKernelFactory
    {
        public Kernel Create<T>()
            where T : unmanaged, INumber<T>, IMinMaxValue<T> => new ReduceMeanKernel<T>(c.Attributes.GetInts("axes")?.ToArray(),
                c.SinceVersion >= 18, c.Attributes.GetInt("keepdims", 1) != 0, c.Attributes.GetInt("noop_with_empty_axes", 0) != 0);
    }
}
