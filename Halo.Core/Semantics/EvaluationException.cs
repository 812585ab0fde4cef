namespace Halo.Core.Semantics;

/// <summary>Thrown by <see cref="EvaluationContext.Fail"/> when an operation cannot compute its result from
/// its operands (bad runtime data); evaluators turn it into a diagnostic naming the node.</summary>
public sealed class EvaluationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EvaluationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EvaluationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public EvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
