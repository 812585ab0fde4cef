namespace Halo.Backends.Interpreter.Kernels.Movement;

/// <summary>Identity (tensors): a copy.</summary>
internal sealed class IdentityKernel : Kernel
{
    public static void Register(KernelTable.Builder table) => table.Add("Identity", _ => new IdentityKernel());

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        ElementCopy.CopyAs(context, x, x.ShapeArray);
    }
}
