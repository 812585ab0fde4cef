using Halo.Core.IR.Types;

namespace Halo.Core.IR.Green;

/// <summary>
/// Inside a subgraph (an If branch, a Loop or Scan body), a value of an enclosing graph, referred to by
/// its name as ONNX does.
/// </summary>
public sealed class GreenCapture : GreenNode
{
    /// <summary>Creates a capture of the outer value <paramref name="outerName"/>.</summary>
    public GreenCapture(string outerName, IrType type)
        : base([type ?? throw new ArgumentNullException(nameof(type))])
    {
        ArgumentException.ThrowIfNullOrEmpty(outerName);
        OuterName = outerName;
    }

    /// <inheritdoc />
    public override GreenNodeKind Kind => GreenNodeKind.Capture;

    /// <summary>The name of the captured value in the enclosing scope.</summary>
    public string OuterName { get; }

    /// <summary>The captured value's type.</summary>
    public IrType Type => OutputTypes[0];

    /// <inheritdoc />
    public override bool IsEquivalentTo(GreenNode other) =>
        other is GreenCapture c && c.OuterName == OuterName && c.Type.Equals(Type);
}
