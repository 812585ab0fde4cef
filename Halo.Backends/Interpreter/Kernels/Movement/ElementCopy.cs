namespace Halo.Backends.Interpreter.Kernels.Movement;

/// <summary>Copies runs of elements between tensors of one element type, whatever its size (strings too).</summary>
internal static class ElementCopy
{
    /// <summary>Copies <paramref name="count"/> elements from src[srcIndex] to dst[dstIndex].</summary>
    public static void Copy(Tensor src, long srcIndex, Tensor dst, long dstIndex, int count)
    {
        if (count <= 0)
        {
            return;
        }
        if (src.StringArray is { } s)
        {
            Array.Copy(s, srcIndex, dst.StringArray!, dstIndex, count);
            return;
        }
        int size = ElementTypes.SizeOf(src.ElementType);
        src.Buffer.AsSpan(checked((int)(srcIndex * size)), count * size).CopyTo(dst.Buffer.AsSpan(checked((int)(dstIndex * size))));
    }

    /// <summary>A pooled copy of <paramref name="src"/> with another shape (same element count).</summary>
    public static Tensor CopyAs(KernelContext context, Tensor src, int[] shape)
    {
        if (ShapeMath.ElementCount(shape) != src.Length)
        {
            throw new InvalidOperationException($"Cannot view {ShapeMath.Format(src.Shape)} as {ShapeMath.Format(shape)}.");
        }
        var y = context.AllocateOutput(0, src.ElementType, shape);
        Copy(src, 0, y, 0, src.Length);
        return y;
    }
}
