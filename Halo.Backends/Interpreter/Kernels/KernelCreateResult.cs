using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter.Kernels;

/// <summary>A created kernel, or the element type or feature that prevents one.</summary>
internal readonly record struct KernelCreateResult(Kernel? Kernel, ElementType? UnsupportedType, string? UnsupportedFeature)
{
    /// <summary>Success.</summary>
    public static implicit operator KernelCreateResult(Kernel kernel) => new(kernel, null, null);

    /// <summary>The operands have an element type the kernel does not handle.</summary>
    public static KernelCreateResult BadType(ElementType type) => new(null, type, null);

    /// <summary>An attribute value or operand form the kernel does not handle.</summary>
    public static KernelCreateResult Unsupported(string reason) => new(null, null, reason);
}
