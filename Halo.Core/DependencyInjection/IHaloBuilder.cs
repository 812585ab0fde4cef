namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures Halo services; each Halo package adds <c>AddXxx</c> extension methods on it.</summary>
public interface IHaloBuilder
{
    /// <summary>The service collection being configured.</summary>
    IServiceCollection Services { get; }
}
