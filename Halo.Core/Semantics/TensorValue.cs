using Halo.Core.IR;
using Halo.Core.IR.Types;

namespace Halo.Core.Semantics;

/// <summary>A dense tensor value.</summary>
/// <param name="data">The tensor's contents.</param>
public sealed class TensorValue(TensorData data) : RuntimeValue
{
    /// <summary>The contents.</summary>
    public TensorData Data { get; } = data ?? throw new ArgumentNullException(nameof(data));

    /// <inheritdoc />
    public override IrType Type => Data.Type;

    /// <inheritdoc />
    public override string ToString() => Data.ToString();
}
