using Halo.Core.Operators;

namespace Halo.Cli.Execution;

/// <summary>The backends <c>--backend</c> accepts.</summary>
internal static class ModelExecutors
{
    public const string Default = "interpret";

    public static IReadOnlyList<string> Names { get; } = ["interpret", "reference", OdlaExecutor.BackendName];

    public static IModelExecutor? Create(string name, OperatorRegistry registry) => name switch
    {
        "interpret" => new InterpreterExecutor(threads: null),
        "reference" => new ReferenceExecutor(registry),
        OdlaExecutor.BackendName => new OdlaExecutor(registry),
        _ => null,
    };
}
