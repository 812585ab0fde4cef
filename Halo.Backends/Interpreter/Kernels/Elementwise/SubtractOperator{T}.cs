using System.Numerics;
using System.Numerics.Tensors;

namespace Halo.Backends.Interpreter.Kernels.Elementwise;

/// <summary>Sub.</summary>
internal readonly struct SubtractOperator<T> : IBinaryOperator<T>
    where T : INumber<T>
{
    public static void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) => TensorPrimitives.Subtract(x, y, d);
    public static void Apply(ReadOnlySpan<T> x, T y, Span<T> d) => TensorPrimitives.Subtract(x, y, d);
    public static void Apply(T x, ReadOnlySpan<T> y, Span<T> d) => TensorPrimitives.Subtract(x, y, d);
}
