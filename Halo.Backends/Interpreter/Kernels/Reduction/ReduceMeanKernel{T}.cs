using System.Numerics;

namespace Halo.Backends.Interpreter.Kernels.Reduction;

/// <summary>ReduceMean over 'axes' (attribute before version 18, operand from 18; none = all axes unless
/// noop_with_empty_axes), keeping reduced axes with size 1 when keepdims.</summary>
internal sealed class ReduceMeanKernel<T>(long[]? attributeAxes, bool axesFromInput, bool keepDims, bool noopWithEmptyAxes) : Kernel
    where T : unmanaged, INumber<T>
{
    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        long[] axes = axesFromInput ? context.OptionalInput(1)?.AsSpan<long>().ToArray() ?? [] : attributeAxes ?? [];
        int rank = x.Rank;
        var reduced = new bool[rank];
        if (axes.Length == 0 && !noopWithEmptyAxes)
        {
            Array.Fill(reduced, true);
        }
        foreach (long a in axes)
        {
            reduced[ShapeMath.NormalizeAxis(a, rank)] = true;
        }
        int[] kept = [.. Enumerable.Range(0, rank).Select(i => reduced[i] ? 1 : x.Shape[i])];
        int[] shape = keepDims ? kept : [.. Enumerable.Range(0, rank).Where(i => !reduced[i]).Select(i => x.Shape[i])];
        var y = context.AllocateOutput(0, x.ElementType, shape);
        Reduce(x.AsSpan<T>(), x.Shape, kept, reduced, y.AsSpan<T>());
    }

    private static void Reduce(ReadOnlySpan<T> src, ReadOnlySpan<int> inShape, int[] kept, bool[] reduced, Span<T> dst)
    {
        dst.Clear();
        int rank = inShape.Length;
        int[] outStrides = ShapeMath.Strides(kept);
        var index = new int[rank];
        for (int i = 0; i < src.Length; i++)
        {
            long o = 0;
            for (int d = 0; d < rank; d++)
            {
                o += reduced[d] ? 0 : (long)index[d] * outStrides[d];
            }
            dst[(int)o] += src[i];
            for (int d = rank - 1; d >= 0 && ++index[d] == inShape[d]; d--)
            {
                index[d] = 0;
            }
        }
        int count = dst.Length == 0 ? 1 : src.Length / dst.Length;
        if (count > 0)
        {
            T divisor = T.CreateChecked(count);
            for (int i = 0; i < dst.Length; i++)
            {
                dst[i] /= divisor;
            }
        }
    }
}
