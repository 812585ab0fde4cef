namespace Halo.Core.IR.Green;

/// <summary>The kinds of green node.</summary>
public enum GreenNodeKind
{
    /// <summary>A graph input (<see cref="GreenInput"/>).</summary>
    Input,
    /// <summary>A constant (<see cref="GreenConstant"/>).</summary>
    Constant,
    /// <summary>An operation (<see cref="GreenOp"/>).</summary>
    Op,
    /// <summary>A value of an enclosing graph used inside a subgraph (<see cref="GreenCapture"/>).</summary>
    Capture,
}
