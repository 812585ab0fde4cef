namespace Halo.Backends.Interpreter.Kernels;

/// <summary>
/// Marks a kernel whose output 0 is a view of its input 0's buffer (Reshape, Flatten, Identity, Squeeze,
/// Unsqueeze: <see cref="KernelContext.SetOutputView"/>). The plan gives the output no buffer of its own and
/// extends the input buffer's lifetime to the last use of the view. Kernels never write into their inputs,
/// so a view is never clobbered while live.
/// </summary>
internal interface IAliasingKernel;
