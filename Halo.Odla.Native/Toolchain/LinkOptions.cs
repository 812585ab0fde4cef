using System.Collections.Immutable;

namespace Halo.Odla.Native.Toolchain;

/// <summary>How objects are linked. Immutable; change with <c>with</c>.</summary>
public sealed record LinkOptions
{
    /// <summary>No libraries, no run paths.</summary>
    public static LinkOptions Default { get; } = new();

    /// <summary>Library directories searched at link time (<c>-L</c>).</summary>
    public ImmutableArray<string> LibraryDirectories { get; init; } = [];

    /// <summary>Libraries by name, without <c>lib</c> and <c>.so</c> (<c>-l</c>; e.g. <c>odla_reference</c>).</summary>
    public ImmutableArray<string> Libraries { get; init; } = [];

    /// <summary>
    /// Run paths written into the output (<c>-Wl,-rpath,</c>): <c>$ORIGIN</c> (the output's own folder, taken literally,
    /// no shell involved) or absolute folders.
    /// </summary>
    public ImmutableArray<string> RunPaths { get; init; } = [];

    /// <summary>Further linker-driver arguments, passed verbatim after the others (e.g. <c>-Wl,--as-needed</c>).</summary>
    public ImmutableArray<string> ExtraArguments { get; init; } = [];

    /// <inheritdoc />
    public bool Equals(LinkOptions? other) =>
        other is not null && LibraryDirectories.SequenceEqual(other.LibraryDirectories) && Libraries.SequenceEqual(other.Libraries)
        && RunPaths.SequenceEqual(other.RunPaths) && ExtraArguments.SequenceEqual(other.ExtraArguments);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(LibraryDirectories.Length, Libraries.Length, RunPaths.Length, ExtraArguments.Length);
}
