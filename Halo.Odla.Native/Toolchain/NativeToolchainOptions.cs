namespace Halo.Odla.Native.Toolchain;

/// <summary>How the native toolchain is found and run. Immutable; change with <c>with</c>.</summary>
public sealed record NativeToolchainOptions
{
    /// <summary>The defaults: search for a compiler, 10-minute timeout, one compilation per processor, no cache.</summary>
    public static NativeToolchainOptions Default { get; } = new();

    /// <summary>
    /// The compiler driver to use (e.g. <c>/usr/bin/g++-12</c>, or a bare name looked up on <c>PATH</c>); null searches
    /// <c>CXX</c>, <c>CC</c>, then <c>g++</c>, <c>gcc</c>, <c>clang++</c>, <c>clang</c> on <c>PATH</c>. An explicit path
    /// that does not exist is HALO5001, never a silent fallback.
    /// </summary>
    public string? CompilerPath { get; init; }

    /// <summary>
    /// Whether the search (when <see cref="CompilerPath"/> is null) honours the conventional <c>CXX</c> and <c>CC</c>
    /// environment variables; the only environment the toolchain reads besides <c>PATH</c>.
    /// </summary>
    public bool UseCompilerEnvironmentVariables { get; init; } = true;

    /// <summary>The longest one compiler or linker run may take before it is stopped (HALO5004).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The most compilations run at once; values above <see cref="Environment.ProcessorCount"/> are lowered to it.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// A folder for built outputs keyed by a hash of the compiler, sources, headers, objects and options; null disables
    /// caching. A hit copies the cached output instead of compiling and linking again.
    /// </summary>
    public string? CacheDirectory { get; init; }
}
