using System.Collections.Immutable;

namespace Halo.Backends.Odla;

/// <summary>The generated entry point: <c>void NAME(inputs..., outputs...)</c>, <c>NAME_init</c>,
/// <c>NAME_fini</c> and <c>int NAME_run(const void* const* inputs, void* const* outputs)</c>.</summary>
/// <param name="Name">The entry function's name.</param>
/// <param name="Inputs">The inputs, in graph order.</param>
/// <param name="Outputs">The outputs, in graph order.</param>
public sealed record OdlaEntrySignature(string Name, ImmutableArray<OdlaEntryParameter> Inputs, ImmutableArray<OdlaEntryParameter> Outputs)
{
    /// <inheritdoc />
    public bool Equals(OdlaEntrySignature? other) => other is not null && other.Name == Name
        && other.Inputs.SequenceEqual(Inputs) && other.Outputs.SequenceEqual(Outputs);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Inputs.Length, Outputs.Length);
}
