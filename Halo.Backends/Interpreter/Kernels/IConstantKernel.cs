namespace Halo.Backends.Interpreter.Kernels;

/// <summary>A kernel whose output is known when the session is created (Constant): the plan materializes
/// it once and shares it, read-only, across runs.</summary>
internal interface IConstantKernel
{
    /// <summary>The value.</summary>
    Tensor Value { get; }
}
