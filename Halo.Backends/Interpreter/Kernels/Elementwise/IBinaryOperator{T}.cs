namespace Halo.Backends.Interpreter.Kernels.Elementwise;

/// <summary>A vectorized elementwise binary operation in its three operand forms.</summary>
internal interface IBinaryOperator<T>
{
    /// <summary>d[i] = x[i] ∘ y[i].</summary>
    static abstract void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d);

    /// <summary>d[i] = x[i] ∘ y.</summary>
    static abstract void Apply(ReadOnlySpan<T> x, T y, Span<T> d);

    /// <summary>d[i] = x ∘ y[i].</summary>
    static abstract void Apply(T x, ReadOnlySpan<T> y, Span<T> d);
}
