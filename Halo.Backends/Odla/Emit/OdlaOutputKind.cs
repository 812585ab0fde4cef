namespace Halo.Backends.Odla.Emit;

/// <summary>How the generated run function fills one graph output.</summary>
internal enum OdlaOutputKind
{
    /// <summary>An ODLA output value bound to the caller's buffer.</summary>
    Bound,
    /// <summary>A copy of an earlier output's buffer (the same value listed twice).</summary>
    CopyOfOutput,
    /// <summary>A copy of a graph input (an input that is also an output).</summary>
    CopyOfInput,
    /// <summary>A copy of a constant's weights data.</summary>
    CopyOfConstant,
}
