using System.Collections.Immutable;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Math.Semantics;

/// <summary>Axis normalization and the (outer, axis, inner) decomposition of a shape around one axis.</summary>
internal static class Axes
{
    /// <summary>The axis in [0, rank), failing when outside [-rank, rank).</summary>
    public static int Normalize(EvaluationContext ctx, long axis, int rank)
    {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= System.Math.Max(rank, 1))
        {
            ctx.Fail($"axis {axis} is out of range for rank {rank}");
        }
        return (int)a;
    }

    /// <summary>Product of dims before <paramref name="axis"/>, the axis size, product of dims after it.</summary>
    public static (int Outer, int Size, int Inner) Split(ImmutableArray<long> dims, int axis)
    {
        long outer = 1, inner = 1;
        for (int i = 0; i < axis; i++)
        {
            outer *= dims[i];
        }
        for (int i = axis + 1; i < dims.Length; i++)
        {
            inner *= dims[i];
        }
        return ((int)outer, dims.Length == 0 ? 1 : (int)dims[axis], (int)inner);
    }
}
