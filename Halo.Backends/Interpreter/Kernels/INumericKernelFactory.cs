using System.Numerics;

namespace Halo.Backends.Interpreter.Kernels;

/// <summary>Makes a kernel for one numeric .NET type; <see cref="NumericDispatch"/> picks the type from
/// the node's element type.</summary>
internal interface INumericKernelFactory
{
    /// <summary>The kernel for elements of <typeparamref name="T"/>.</summary>
    Kernel Create<T>()
        where T : unmanaged, INumber<T>, IMinMaxValue<T>;
}
