using System.Collections.Immutable;
using Halo.Core.IR.Green;

namespace Halo.Frontends.TensorFlow.Operators;

/// <summary>Element-wise math with NumPy broadcasting, as in ONNX: one TensorFlow op to one ONNX op, plus the few
/// that need two (Rsqrt, Square, SquaredDifference).</summary>
internal static class ElementwiseConverters
{
    private static readonly Dictionary<string, string> s_unary = new(StringComparer.Ordinal)
    {
        ["Abs"] = "Abs", ["Ceil"] = "Ceil", ["Cos"] = "Cos", ["Erf"] = "Erf", ["Exp"] = "Exp", ["Floor"] = "Floor",
        ["Log"] = "Log", ["LogicalNot"] = "Not", ["Neg"] = "Neg", ["Reciprocal"] = "Reciprocal", ["Round"] = "Round",
        ["Sign"] = "Sign", ["Sin"] = "Sin", ["Sqrt"] = "Sqrt", ["Tan"] = "Tan",
    };

    private static readonly Dictionary<string, string> s_binary = new(StringComparer.Ordinal)
    {
        ["Add"] = "Add", ["AddV2"] = "Add", ["Sub"] = "Sub", ["Mul"] = "Mul", ["RealDiv"] = "Div",
        ["Maximum"] = "Max", ["Minimum"] = "Min", ["Pow"] = "Pow", ["Equal"] = "Equal", ["Greater"] = "Greater",
        ["GreaterEqual"] = "GreaterOrEqual", ["Less"] = "Less", ["LessEqual"] = "LessOrEqual",
        ["LogicalAnd"] = "And", ["LogicalOr"] = "Or",
    };

    public static void Register(Dictionary<string, TensorFlowOpConverter> table)
    {
        foreach (var (tf, onnx) in s_unary)
        {
            table[tf] = node => node.ExpectInputs(1) ? [node.Emit(onnx, [node.Inputs[0]])] : null;
        }
        foreach (var (tf, onnx) in s_binary)
        {
            table[tf] = node => node.ExpectInputs(2) ? [node.Emit(onnx, [node.Inputs[0], node.Inputs[1]])] : null;
        }
        table["Rsqrt"] = node => node.ExpectInputs(1) ? [node.Emit("Reciprocal", [node.Emit("Sqrt", [node.Inputs[0]])])] : null;
        table["Square"] = node => node.ExpectInputs(1) ? [node.Emit("Mul", [node.Inputs[0], node.Inputs[0]])] : null;
        table["SquaredDifference"] = SquaredDifference;
        table["AddN"] = node => node.ExpectInputs(1, int.MaxValue) ? [node.Emit("Sum", node.Inputs)] : null;
    }

    /// <summary>The TensorFlow op names this family converts one to one, with their ONNX operator.</summary>
    public static IEnumerable<KeyValuePair<string, string>> OneToOne => s_unary.Concat(s_binary);

    private static ImmutableArray<ValueRef>? SquaredDifference(TensorFlowNodeContext node)
    {
        if (!node.ExpectInputs(2))
        {
            return null;
        }
        var difference = node.Emit("Sub", [node.Inputs[0], node.Inputs[1]]);
        return [node.Emit("Mul", [difference, difference])];
    }
}
