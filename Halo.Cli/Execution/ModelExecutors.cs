using Halo.Core.Operators;

namespace Halo.Cli.Execution;

/// <summary>The backends <c>--backend</c> accepts.</summary>
internal static class ModelExecutors
{
    public const string Default = "reference";

    public static IReadOnlyList<string> Names { get; } = ["reference"];

    public static IModelExecutor? Create(string name, OperatorRegistry registry) => name switch
    {
        "reference" => new ReferenceExecutor(registry),
        _ => null,
    };
}
