using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter.Kernels;

/// <summary>The one place that maps element types to generic kernel instantiations.</summary>
internal static class NumericDispatch
{
    /// <summary>Every numeric element type the interpreter computes with.</summary>
    public static IReadOnlySet<ElementType> AllNumeric { get; } = new HashSet<ElementType>
    {
        ElementType.Float, ElementType.Double, ElementType.Float16, ElementType.Int8, ElementType.UInt8,
        ElementType.Int16, ElementType.UInt16, ElementType.Int32, ElementType.UInt32, ElementType.Int64, ElementType.UInt64,
    };

    /// <summary>The floating-point element types.</summary>
    public static IReadOnlySet<ElementType> Floating { get; } = new HashSet<ElementType>
    {
        ElementType.Float, ElementType.Double, ElementType.Float16,
    };

    /// <summary>The kernel for <paramref name="type"/> when it is in <paramref name="allowed"/>, else a
    /// type error. An unknown (Undefined) type falls back to float32.</summary>
    public static KernelCreateResult Create(ElementType type, IReadOnlySet<ElementType> allowed, INumericKernelFactory factory)
    {
        if (type == ElementType.Undefined)
        {
            type = ElementType.Float;
        }
        if (!allowed.Contains(type))
        {
            return KernelCreateResult.BadType(type);
        }
        return type switch
        {
            ElementType.Float => factory.Create<float>(),
            ElementType.Double => factory.Create<double>(),
            ElementType.Float16 => factory.Create<Half>(),
            ElementType.Int8 => factory.Create<sbyte>(),
            ElementType.UInt8 => factory.Create<byte>(),
            ElementType.Int16 => factory.Create<short>(),
            ElementType.UInt16 => factory.Create<ushort>(),
            ElementType.Int32 => factory.Create<int>(),
            ElementType.UInt32 => factory.Create<uint>(),
            ElementType.Int64 => factory.Create<long>(),
            ElementType.UInt64 => factory.Create<ulong>(),
            _ => KernelCreateResult.BadType(type),
        };
    }
}
