namespace Halo.Backends.Interpreter.Kernels.Movement;

/// <summary>Identity (tensors): a view of the input (no copy).</summary>
internal sealed class IdentityKernel : Kernel, IAliasingKernel
{
    public static void Register(KernelTable.Builder table) => table.Add("Identity", _ => new IdentityKernel());

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        context.SetOutputView(0, x, x.ShapeArray);
    }
}
