using Halo.Backends.Odla;
using Halo.Odla.Native.Toolchain;

namespace Halo.Cli.Execution;

/// <summary>How the <c>odla-reference</c> backend generates, compiles and links models. Immutable.</summary>
internal sealed record OdlaBuildSettings
{
    /// <summary>The environment variable that moves the build cache.</summary>
    public const string CacheVariable = "HALO_NATIVE_CACHE";

    /// <summary>C++ (the default) or C99 generated code.</summary>
    public OdlaTarget Target { get; init; } = OdlaTarget.Cxx;

    /// <summary>How the compiler is found.</summary>
    public NativeToolchainOptions Toolchain { get; init; } = NativeToolchainOptions.Default;

    /// <summary>The optimization level of the generated code; the heavy work is in the runtime, so -O1 suffices.</summary>
    public int OptimizationLevel { get; init; } = 1;

    /// <summary>The build cache folder; null for <c>$HALO_NATIVE_CACHE</c> or <c>halo-native-cache</c> under the system temp folder.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Where the ODLA runtime and headers are looked for; null for beside the tool.</summary>
    public string? RuntimeDirectory { get; init; }

    /// <summary>The cache folder in use.</summary>
    public string ResolveCacheDirectory() => CacheDirectory
        ?? (Environment.GetEnvironmentVariable(CacheVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.Combine(Path.GetTempPath(), "halo-native-cache"));
}
