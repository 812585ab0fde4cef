using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter.Kernels;

/// <summary>What a <see cref="KernelFactory"/> knows about a node at session creation: its operator version,
/// attributes, operand types and constant operands.</summary>
internal sealed class KernelCreateContext(GreenOp op)
{
    /// <summary>The node.</summary>
    public GreenOp Op { get; } = op;

    /// <summary>The node's attributes.</summary>
    public AttributeMap Attributes => Op.Attributes;

    /// <summary>The opset version the operator version was introduced in.</summary>
    public int SinceVersion => Op.Operator.SinceVersion;

    /// <summary>The number of operands (omitted optional ones included).</summary>
    public int InputCount => Op.Inputs.Length;

    /// <summary>Whether operand <paramref name="index"/> is present.</summary>
    public bool HasInput(int index) => index < Op.Inputs.Length && !Op.Inputs[index].IsNone;

    /// <summary>The element type of operand <paramref name="index"/>; Undefined when absent or unknown.</summary>
    public ElementType InputType(int index) =>
        HasInput(index) && Op.Inputs[index].Type is TensorType t ? t.ElementType : ElementType.Undefined;

    /// <summary>The element type of output <paramref name="index"/>; Undefined when unknown.</summary>
    public ElementType OutputType(int index) =>
        index < Op.OutputTypes.Length && Op.OutputTypes[index] is TensorType t ? t.ElementType : ElementType.Undefined;

    /// <summary>The static rank of operand <paramref name="index"/>, or -1.</summary>
    public int InputRank(int index) =>
        HasInput(index) && Op.Inputs[index].Type is TensorType { Shape.IsRanked: true } t ? t.Shape.Rank : -1;

    /// <summary>The constant value of operand <paramref name="index"/>, or null when it is not a constant.</summary>
    public TensorData? ConstantInput(int index) =>
        HasInput(index) && Op.Inputs[index].Producer is GreenConstant c ? c.Data : null;
}
