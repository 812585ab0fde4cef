namespace Halo.Core.Semantics;

/// <summary>
/// The reference semantics of one operator version: reads operands and attributes from the context and sets
/// every result. Used by constant folding, by the reference evaluator and as the oracle for fast kernels.
/// Bad runtime data (an index out of range...) is reported with <see cref="EvaluationContext.Fail"/>.
/// </summary>
public delegate void ReferenceKernel(EvaluationContext context);
