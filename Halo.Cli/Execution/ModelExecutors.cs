using Halo.Core.Operators;

namespace Halo.Cli.Execution;

/// <summary>The backends <c>--backend</c> accepts.</summary>
internal static class ModelExecutors
{
    public const string Default = "interpret";

    public static IReadOnlyList<string> Names { get; } = ["interpret", "reference", OdlaExecutor.BackendName];

    /// <summary>The backend <paramref name="name"/>, or null; <paramref name="threads"/> (null: the processor count)
    /// is the interpreter's degree of parallelism.</summary>
    public static IModelExecutor? Create(string name, OperatorRegistry registry, int? threads = null) => name switch
    {
        "interpret" => new InterpreterExecutor(threads),
        "reference" => new ReferenceExecutor(registry),
        OdlaExecutor.BackendName => new OdlaExecutor(registry),
        _ => null,
    };
}
