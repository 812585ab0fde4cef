using Halo.Passes.Folding;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the standard passes of Halo.Passes.</summary>
public static class PassesHaloBuilderExtensions
{
    /// <summary>Registers the standard optimization passes (constant folding). Idempotent.</summary>
    public static IHaloBuilder AddStandardPasses(this IHaloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddPass<FoldConstants>();
    }
}
