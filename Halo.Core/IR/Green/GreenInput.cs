using Halo.Core.IR.Types;

namespace Halo.Core.IR.Green;

/// <summary>A graph input: one value of a type, supplied by the caller.</summary>
public sealed class GreenInput : GreenNode
{
    /// <summary>Creates an input of <paramref name="type"/>.</summary>
    public GreenInput(IrType type)
        : base([type ?? throw new ArgumentNullException(nameof(type))])
    {
    }

    /// <inheritdoc />
    public override GreenNodeKind Kind => GreenNodeKind.Input;

    /// <summary>The input's type.</summary>
    public IrType Type => OutputTypes[0];

    /// <summary>This input with another type (a new node, or this one when the type is equal).</summary>
    public GreenInput WithType(IrType type) => type.Equals(Type) ? this : new(type);

    /// <inheritdoc />
    public override bool IsEquivalentTo(GreenNode other) => other is GreenInput i && i.Type.Equals(Type);
}
