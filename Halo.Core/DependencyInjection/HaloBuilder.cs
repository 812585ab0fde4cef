namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The <see cref="IHaloBuilder"/> handed to the <c>AddHalo</c> configuration callback.</summary>
internal sealed class HaloBuilder(IServiceCollection services) : IHaloBuilder
{
    public IServiceCollection Services { get; } = services;
}
