using Halo.Backends.Odla;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the ODLA code generator to Halo.</summary>
public static class OdlaHaloBuilderExtensions
{
    /// <summary>Registers the <see cref="OdlaCodeGenerator"/> and, unless already registered, C++ as the default
    /// <see cref="OdlaCodeGenOptions"/>. Idempotent.</summary>
    /// <param name="builder">The Halo builder.</param>
    /// <param name="configure">Changes the default options (for example <c>o =&gt; o with { EmitDataAsC = true }</c>); null keeps them.</param>
    public static IHaloBuilder AddOdlaCxx(this IHaloBuilder builder, Func<OdlaCodeGenOptions, OdlaCodeGenOptions>? configure = null) =>
        AddOdla(builder, OdlaCodeGenOptions.Default with { Target = OdlaTarget.Cxx }, configure);

    /// <summary>Registers the <see cref="OdlaCodeGenerator"/> and, unless already registered, C99 as the default
    /// <see cref="OdlaCodeGenOptions"/>. Idempotent.</summary>
    /// <param name="builder">The Halo builder.</param>
    /// <param name="configure">Changes the default options; null keeps them.</param>
    public static IHaloBuilder AddOdlaC(this IHaloBuilder builder, Func<OdlaCodeGenOptions, OdlaCodeGenOptions>? configure = null) =>
        AddOdla(builder, OdlaCodeGenOptions.Default with { Target = OdlaTarget.C }, configure);

    private static IHaloBuilder AddOdla(IHaloBuilder builder, OdlaCodeGenOptions defaults, Func<OdlaCodeGenOptions, OdlaCodeGenOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<OdlaCodeGenerator>();
        builder.Services.TryAddSingleton(configure is null ? defaults : configure(defaults));
        return builder;
    }
}
