using Halo.Core.IR;

namespace Halo.Backends.Odla.Emit;

/// <summary>A constant's data in the weights file: the global symbol and its bytes.</summary>
/// <param name="Symbol">The C symbol (<c>NAME_w3</c>).</param>
/// <param name="Data">The constant.</param>
internal sealed record OdlaConstantSymbol(string Symbol, TensorData Data)
{
    /// <summary>The packed little-endian bytes, as ODLA reads them.</summary>
    public ReadOnlyMemory<byte> Bytes => Data.Bytes;
}
