using System.Runtime.CompilerServices;

namespace Halo.Backends.Interpreter.Kernels.Linear;

/// <summary>What a packed GEMM does to each finished element of C, while the tile is still in registers:
/// add a per-row bias (optional), then clamp to [<see cref="Low"/>, <see cref="High"/>] (a fused Relu or Clip).</summary>
internal readonly unsafe struct GemmEpilogue(float* rowBias, float low, float high)
{
    /// <summary>No bias, no clamp.</summary>
    public static GemmEpilogue None => new(null, float.NegativeInfinity, float.PositiveInfinity);

    /// <summary>The bias of each row of C (length = rows), or null.</summary>
    public float* RowBias { get; } = rowBias;

    /// <summary>The lower clamp bound (negative infinity for none).</summary>
    public float Low { get; } = low;

    /// <summary>The upper clamp bound (positive infinity for none).</summary>
    public float High { get; } = high;

    /// <summary>Whether the epilogue clamps at all.</summary>
    public bool Clamps => !float.IsNegativeInfinity(Low) || !float.IsPositiveInfinity(High);

    /// <summary>The same clamp with the bias of rows starting at <paramref name="row"/>.</summary>
    public GemmEpilogue Offset(int row) => new(RowBias is null ? null : RowBias + row, Low, High);

    /// <summary>Applies the epilogue to one element of row <paramref name="row"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Apply(float value, int row)
    {
        if (RowBias is not null)
        {
            value += RowBias[row];
        }
        // ONNX: Relu/Clip propagate NaN, as Math.Max/Min do.
        return Clamps ? Math.Min(Math.Max(value, Low), High) : value;
    }
}
