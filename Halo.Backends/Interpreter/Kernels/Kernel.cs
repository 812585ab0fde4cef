namespace Halo.Backends.Interpreter.Kernels;

/// <summary>
/// The compiled form of one node: created once per session by a <see cref="KernelFactory"/> with the node's
/// attributes and operand types resolved, then executed on every run. A kernel is immutable after creation
/// and may run concurrently for several runs; per-run memory comes from the <see cref="KernelContext"/>.
/// </summary>
internal abstract class Kernel
{
    /// <summary>Computes the outputs from the inputs of <paramref name="context"/>.</summary>
    public abstract void Execute(KernelContext context);
}
