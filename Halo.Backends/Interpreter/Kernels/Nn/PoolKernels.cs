using System.Numerics;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter.Kernels.Nn;

/// <summary>Registers MaxPool, AveragePool, GlobalAveragePool and GlobalMaxPool.</summary>
internal static class PoolKernels
{
    private static readonly HashSet<ElementType> s_maxTypes =
        [ElementType.Float, ElementType.Double, ElementType.Float16, ElementType.Int8, ElementType.UInt8];

    public static void Register(KernelTable.Builder table)
    {
        table.Add("MaxPool", c => Create(c, max: true));
        table.Add("AveragePool", c => Create(c, max: false));
        table.Add("GlobalAveragePool", c => NumericDispatch.Create(c.InputType(0), NumericDispatch.Floating, new GlobalFactory(false)));
        table.Add("GlobalMaxPool", c => NumericDispatch.Create(c.InputType(0), NumericDispatch.Floating, new GlobalFactory(true)));
    }

    private static KernelCreateResult Create(KernelCreateContext context, bool max)
    {
        if (context.Attributes.GetInts("kernel_shape") is not { Length: >= 1 and <= 3 })
        {
            return KernelCreateResult.Unsupported("kernel_shape must list 1 to 3 spatial sizes");
        }
        return NumericDispatch.Create(context.InputType(0), max ? s_maxTypes : NumericDispatch.Floating,
            new PoolFactory(context.Attributes, max));
    }

    private sealed class PoolFactory(AttributeMap attributes, bool max) : INumericKernelFactory
    {
        public Kernel Create<T>()
            where T : unmanaged, INumber<T>, IMinMaxValue<T> => new PoolKernel<T>(attributes, max);
    }

    private sealed class GlobalFactory(bool max) : INumericKernelFactory
    {
        public Kernel Create<T>()
            where T : unmanaged, INumber<T>, IMinMaxValue<T> => new GlobalPoolKernel<T>(max);
    }
}
