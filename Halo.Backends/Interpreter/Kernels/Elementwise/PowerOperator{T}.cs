using System.Numerics;
using System.Numerics.Tensors;

namespace Halo.Backends.Interpreter.Kernels.Elementwise;

/// <summary>Pow with a base and an exponent of the same floating type. A scalar exponent of 2 (LayerNorm's
/// variance as exporters decompose it) is a multiplication.</summary>
internal readonly struct PowerOperator<T> : IBinaryOperator<T>
    where T : IFloatingPointIeee754<T>
{
    public static void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) => TensorPrimitives.Pow(x, y, d);

    public static void Apply(ReadOnlySpan<T> x, T y, Span<T> d)
    {
        if (y == T.CreateTruncating(2))
        {
            TensorPrimitives.Multiply(x, x, d);
            return;
        }
        TensorPrimitives.Pow(x, y, d);
    }

    public static void Apply(T x, ReadOnlySpan<T> y, Span<T> d) => TensorPrimitives.Pow(x, y, d);
}
