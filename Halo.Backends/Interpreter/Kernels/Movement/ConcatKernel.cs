namespace Halo.Backends.Interpreter.Kernels.Movement;

/// <summary>Concat along an axis (negative counts from the end); any element type.</summary>
internal sealed class ConcatKernel(long axis) : Kernel
{
    public static void Register(KernelTable.Builder table) => table.Add("Concat", c => new ConcatKernel(c.Attributes.GetInt("axis", 0)));

    public override void Execute(KernelContext context)
    {
        var first = context.Input(0);
        int rank = first.Rank;
        int a = ShapeMath.NormalizeAxis(axis, rank);
        int[] shape = [.. first.Shape];
        shape[a] = 0;
        for (int i = 0; i < context.InputCount; i++)
        {
            var t = context.Input(i);
            if (t.Rank != rank || t.ElementType != first.ElementType)
            {
                throw new InvalidOperationException("Concat operands differ in rank or element type.");
            }
            for (int d = 0; d < rank; d++)
            {
                if (d != a && t.Shape[d] != first.Shape[d])
                {
                    throw new InvalidOperationException($"Concat operands {ShapeMath.Format(first.Shape)} and {ShapeMath.Format(t.Shape)} differ off the axis.");
                }
            }
            shape[a] += t.Shape[a];
        }
        var y = context.AllocateOutput(0, first.ElementType, shape);
        int outer = ShapeMath.Product(shape, 0, a), inner = ShapeMath.Product(shape, a + 1, rank);
        long offset = 0;
        for (int i = 0; i < context.InputCount; i++)
        {
            var t = context.Input(i);
            int block = t.Shape[a] * inner;
            for (int o = 0; o < outer; o++)
            {
                ElementCopy.Copy(t, (long)o * block, y, (long)o * shape[a] * inner + offset, block);
            }
            offset += block;
        }
    }
}
