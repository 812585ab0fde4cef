using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter.Kernels.Movement;

/// <summary>Gather along an axis with int32/int64 indices (negative counts from the end); any data type.</summary>
internal sealed class GatherKernel(long axis) : Kernel
{
    public static void Register(KernelTable.Builder table) => table.Add("Gather", c =>
        c.InputType(1) is ElementType.Int32 or ElementType.Int64 or ElementType.Undefined
            ? new GatherKernel(c.Attributes.GetInt("axis", 0)) : KernelCreateResult.BadType(c.InputType(1)));

    public override void Execute(KernelContext context)
    {
        var data = context.Input(0);
        var indices = context.Input(1);
        int a = ShapeMath.NormalizeAxis(axis, data.Rank);
        int[] shape = [.. data.Shape[..a], .. indices.Shape, .. data.Shape[(a + 1)..]];
        var y = context.AllocateOutput(0, data.ElementType, shape);
        int outer = ShapeMath.Product(data.Shape, 0, a), inner = ShapeMath.Product(data.Shape, a + 1, data.Rank);
        int size = data.Shape[a];
        long[] idx = indices.ElementType == ElementType.Int32
            ? [.. indices.AsSpan<int>().ToArray().Select(i => (long)i)] : indices.AsSpan<long>().ToArray();
        for (int o = 0; o < outer; o++)
        {
            for (int j = 0; j < idx.Length; j++)
            {
                long i = idx[j] < 0 ? idx[j] + size : idx[j];
                if (i < 0 || i >= size)
                {
                    throw new InvalidOperationException($"Gather index {idx[j]} is out of range for size {size}.");
                }
                ElementCopy.Copy(data, ((long)o * size + i) * inner, y, ((long)o * idx.Length + j) * inner, inner);
            }
        }
    }
}
