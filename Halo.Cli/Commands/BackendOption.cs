using System.CommandLine;
using Halo.Cli.Execution;
using Halo.Core.Diagnostics;
using Halo.Core.Operators;

namespace Halo.Cli.Commands;

/// <summary>The <c>--backend</c> option shared by <c>run</c>, <c>check</c> and <c>bench</c>.</summary>
internal static class BackendOption
{
    public static Option<string> Create() => new("--backend")
    {
        Description = "How to run the model: " + string.Join(", ", ModelExecutors.Names),
        DefaultValueFactory = _ => ModelExecutors.Default,
    };

    public static IModelExecutor? Resolve(string name, OperatorRegistry registry, TextWriter error, int? threads = null)
    {
        var executor = ModelExecutors.Create(name, registry, threads);
        if (executor is null)
        {
            error.WriteLine(Diagnostic.Create(CommandLineDiagnostics.UnknownBackend, null, name, string.Join(", ", ModelExecutors.Names)));
        }
        return executor;
    }
}
