using Halo.Backends.Interpreter.Kernels;

namespace Halo.Backends.Interpreter.Planning;

/// <summary>One node of an <see cref="ExecutionPlan"/>: its kernel, the slots it reads and writes, and the
/// slots whose last use it is (their buffers go back to the pool after it runs).</summary>
internal sealed record PlanStep(Kernel Kernel, int[] InputSlots, int[] OutputSlots, int[] ReleaseAfter, string Label);
