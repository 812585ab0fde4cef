namespace Halo.Core.IR.Green;

/// <summary>
/// A reference to one output of a green node. The default value (no producer) stands for an omitted
/// optional operand.
/// </summary>
/// <param name="Producer">The node that produces the value; null for an omitted optional operand.</param>
/// <param name="Output">The index of the output of <paramref name="Producer"/>.</param>
public readonly record struct ValueRef(GreenNode? Producer, int Output)
{
    /// <summary>An omitted optional operand.</summary>
    public static ValueRef None => default;

    /// <summary>Whether this refers to no value (an omitted optional operand).</summary>
    public bool IsNone => Producer is null;

    /// <summary>The type of the value.</summary>
    public Types.IrType Type => Producer?.OutputTypes[Output] ?? throw new InvalidOperationException("An omitted operand has no type.");
}
