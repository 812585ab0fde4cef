using Halo.Core.Compilation;
using Halo.Core.Operators;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The entry point for composing Halo with Microsoft.Extensions.DependencyInjection.</summary>
public static class HaloServiceCollectionExtensions
{
    /// <summary>Registers the Halo core services (operator registry, compilation pipeline) and lets
    /// <paramref name="configure"/> add frontends, passes and backends. Idempotent.</summary>
    public static IServiceCollection AddHalo(this IServiceCollection services, Action<IHaloBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(OperatorRegistry.Default);
        services.TryAddSingleton<CompilationPipeline>();
        configure?.Invoke(new HaloBuilder(services));
        return services;
    }
}
