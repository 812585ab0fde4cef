using Halo.Core.Compilation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of passes on <see cref="IHaloBuilder"/>.</summary>
public static class HaloBuilderExtensions
{
    /// <summary>Registers a pass; passes run by <see cref="PassStage"/>, then in registration order. Idempotent per type.</summary>
    public static IHaloBuilder AddPass<TPass>(this IHaloBuilder builder)
        where TPass : class, IGraphPass
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IGraphPass, TPass>());
        return builder;
    }
}
