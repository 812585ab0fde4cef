namespace Halo.Backends.Interpreter.Kernels;

/// <summary>Creates the kernel of one node, or says why the node cannot run.</summary>
internal delegate KernelCreateResult KernelFactory(KernelCreateContext context);
