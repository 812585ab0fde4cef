namespace Halo.Backends.Interpreter.Kernels.Movement;

/// <summary>Transpose by 'perm' (default: reversed axes); any element type. Trailing axes that stay in
/// place are copied as contiguous blocks.</summary>
internal sealed class TransposeKernel(long[]? perm) : Kernel
{
    public static void Register(KernelTable.Builder table) => table.Add("Transpose", c => new TransposeKernel(c.Attributes.GetInts("perm")?.ToArray()));

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        int rank = x.Rank;
        int[] p = perm is null ? [.. Enumerable.Range(0, rank).Reverse()] : [.. perm.Select(v => ShapeMath.NormalizeAxis(v, rank))];
        if (p.Length != rank || p.Distinct().Count() != rank)
        {
            throw new InvalidOperationException($"perm [{string.Join(",", p)}] is not a permutation of rank {rank}.");
        }
        int[] shape = [.. p.Select(i => x.Shape[i])];
        var y = context.AllocateOutput(0, x.ElementType, shape);
        // PERF: axes that keep their place at the end form one contiguous block per copy.
        int keep = rank;
        while (keep > 0 && p[keep - 1] == keep - 1)
        {
            keep--;
        }
        int block = ShapeMath.Product(x.Shape, keep, rank);
        int[] inStrides = ShapeMath.Strides(x.Shape);
        int count = ShapeMath.Product(shape, 0, keep);
        var index = new int[keep];
        for (int o = 0; o < count; o++)
        {
            long src = 0;
            for (int d = 0; d < keep; d++)
            {
                src += (long)index[d] * inStrides[p[d]];
            }
            ElementCopy.Copy(x, src, y, (long)o * block, block);
            for (int d = keep - 1; d >= 0 && ++index[d] == shape[d]; d--)
            {
                index[d] = 0;
            }
        }
    }
}
