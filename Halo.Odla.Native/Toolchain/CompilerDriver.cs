using System.Collections.Immutable;

namespace Halo.Odla.Native.Toolchain;

/// <summary>A located compiler driver (gcc/g++/clang/clang++ style) and any leading arguments it needs.</summary>
/// <param name="Path">The full path of the driver executable.</param>
/// <param name="LeadingArguments">Arguments that come before ours (from <c>CXX="ccache g++"</c> style values: <c>g++</c>).</param>
internal sealed record CompilerDriver(string Path, ImmutableArray<string> LeadingArguments)
{
    /// <summary>Whether the driver links the C++ standard library by itself (<c>g++</c>, <c>clang++</c>, <c>c++</c>).</summary>
    public bool IsCxxDriver =>
        System.IO.Path.GetFileName(LeadingArguments.IsEmpty ? Path : LeadingArguments[^1]).Contains("++", StringComparison.Ordinal);

    /// <inheritdoc />
    public bool Equals(CompilerDriver? other) =>
        other is not null && Path == other.Path && LeadingArguments.SequenceEqual(other.LeadingArguments);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Path, LeadingArguments.Length);
}
