namespace Halo.Backends.Interpreter.Kernels.Movement;

/// <summary>Flatten: [d0 … d(axis-1), d(axis) … dn] → [product before axis, product from axis], as a
/// view of the input (no copy).</summary>
internal sealed class FlattenKernel(long axis) : Kernel, IAliasingKernel
{
    public static void Register(KernelTable.Builder table) => table.Add("Flatten", c => new FlattenKernel(c.Attributes.GetInt("axis", 1)));

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        int a = (int)(axis < 0 ? axis + x.Rank : axis);
        if (a < 0 || a > x.Rank)
        {
            throw new InvalidOperationException($"Flatten axis {axis} is out of range for rank {x.Rank}.");
        }
        context.SetOutputView(0, x, [ShapeMath.Product(x.Shape, 0, a), ShapeMath.Product(x.Shape, a, x.Rank)]);
    }
}
