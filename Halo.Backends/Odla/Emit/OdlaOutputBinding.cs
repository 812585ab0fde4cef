namespace Halo.Backends.Odla.Emit;

/// <summary>How graph output <paramref name="Index"/> is filled.</summary>
/// <param name="Index">The output's position.</param>
/// <param name="Kind">Bound or copied.</param>
/// <param name="Id">The value id (bound outputs).</param>
/// <param name="From">The output or input index copied from.</param>
/// <param name="Symbol">The weights symbol copied from.</param>
/// <param name="ByteCount">The buffer size in bytes.</param>
internal sealed record OdlaOutputBinding(int Index, OdlaOutputKind Kind, string? Id, int From, string? Symbol, long ByteCount);
