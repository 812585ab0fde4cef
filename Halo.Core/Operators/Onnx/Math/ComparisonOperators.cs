using static Halo.Core.Operators.Onnx.Math.MathTypeSets;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Math;

/// <summary>Elementwise comparisons with a bool result: Equal, Greater, GreaterOrEqual, Less, LessOrEqual.</summary>
internal static class ComparisonOperators
{
    private const string BoolOutput = "tensor(bool)";

    public static void Register(OperatorSetBuilder s)
    {
        BinaryOperators.Legacy(s, "Equal", 1, BoolOutput, Equal1);
        BinaryOperators.Binary(s, "Equal", 7, BoolOutput, Equal1);
        BinaryOperators.Binary(s, "Equal", 11, BoolOutput, Equal11);
        BinaryOperators.Binary(s, "Equal", 13, BoolOutput, Equal13);
        BinaryOperators.Binary(s, "Equal", 19, BoolOutput, Equal19);
        foreach (string name in new[] { "Greater", "Less" })
        {
            BinaryOperators.Legacy(s, name, 1, BoolOutput, Float3);
            BinaryOperators.Binary(s, name, 7, BoolOutput, Float3);
            BinaryOperators.Binary(s, name, 9, BoolOutput, Numeric3);
            BinaryOperators.Binary(s, name, 13, BoolOutput, Numeric);
        }
        foreach (string name in new[] { "GreaterOrEqual", "LessOrEqual" })
        {
            BinaryOperators.Binary(s, name, 12, BoolOutput, Numeric3);
            BinaryOperators.Binary(s, name, 16, BoolOutput, Numeric);
        }
    }
}
