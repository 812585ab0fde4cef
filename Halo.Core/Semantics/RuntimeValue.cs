namespace Halo.Core.Semantics;

/// <summary>A value computed by reference semantics: a tensor, a sequence, an optional or a map.</summary>
public abstract class RuntimeValue
{
    private protected RuntimeValue()
    {
    }

    /// <summary>The IR type of this value.</summary>
    public abstract IR.Types.IrType Type { get; }
}
