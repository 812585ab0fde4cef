using System.Collections.Immutable;

namespace Halo.Odla.Native.Toolchain;

/// <summary>
/// How sources are compiled to objects. Immutable; change with <c>with</c>. Defaults: C99 and C++17, <c>-O2</c>,
/// position-independent code, <c>-Wall -Wextra</c> without <c>-Werror</c>.
/// </summary>
public sealed record CompilerOptions
{
    /// <summary>The defaults.</summary>
    public static CompilerOptions Default { get; } = new();

    /// <summary>The C standard passed as <c>-std=</c> for <c>.c</c> files.</summary>
    public string CStandard { get; init; } = "c99";

    /// <summary>The C++ standard passed as <c>-std=</c> for <c>.cc</c>/<c>.cpp</c> files.</summary>
    public string CxxStandard { get; init; } = "c++17";

    /// <summary>The optimization level, 0 to 3 (<c>-O0</c>..<c>-O3</c>).</summary>
    public int OptimizationLevel { get; init; } = 2;

    /// <summary>Whether to compile position-independent code (<c>-fPIC</c>); needed for shared libraries.</summary>
    public bool PositionIndependent { get; init; } = true;

    /// <summary>Whether to enable <c>-Wall -Wextra</c>; warnings are reported as HALO5007.</summary>
    public bool Warnings { get; init; } = true;

    /// <summary>Whether warnings fail the compilation (<c>-Werror</c>).</summary>
    public bool WarningsAsErrors { get; init; }

    /// <summary>Whether to emit debug information (<c>-g</c>).</summary>
    public bool DebugInformation { get; init; }

    /// <summary>Include directories (<c>-I</c>), in search order. Their headers take part in the build-cache key.</summary>
    public ImmutableArray<string> IncludeDirectories { get; init; } = [];

    /// <summary>Preprocessor definitions, <c>NAME</c> or <c>NAME=VALUE</c> (<c>-D</c>).</summary>
    public ImmutableArray<string> Defines { get; init; } = [];

    /// <summary>Further compiler arguments, passed verbatim (no shell) after the others.</summary>
    public ImmutableArray<string> ExtraArguments { get; init; } = [];

    /// <inheritdoc />
    public bool Equals(CompilerOptions? other) =>
        other is not null && CStandard == other.CStandard && CxxStandard == other.CxxStandard
        && OptimizationLevel == other.OptimizationLevel && PositionIndependent == other.PositionIndependent
        && Warnings == other.Warnings && WarningsAsErrors == other.WarningsAsErrors && DebugInformation == other.DebugInformation
        && IncludeDirectories.SequenceEqual(other.IncludeDirectories) && Defines.SequenceEqual(other.Defines)
        && ExtraArguments.SequenceEqual(other.ExtraArguments);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CStandard, CxxStandard, OptimizationLevel, IncludeDirectories.Length, Defines.Length);
}
