using static Halo.Core.Operators.Onnx.Math.MathTypeSets;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Math;

/// <summary>Elementwise comparisons with a bool result: Equal, Greater, GreaterOrEqual, Less, LessOrEqual.</summary>
internal static class ComparisonOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        BinaryOperators.Legacy(s, "Equal", 1, Equal1, boolResult: true);
        BinaryOperators.Binary(s, "Equal", 7, Equal1, boolResult: true);
        BinaryOperators.Binary(s, "Equal", 11, Equal11, boolResult: true);
        BinaryOperators.Binary(s, "Equal", 13, Equal13, boolResult: true);
        BinaryOperators.Binary(s, "Equal", 19, Equal19, boolResult: true);
        foreach (string name in new[] { "Greater", "Less" })
        {
            BinaryOperators.Legacy(s, name, 1, Float3, boolResult: true);
            BinaryOperators.Binary(s, name, 7, Float3, boolResult: true);
            BinaryOperators.Binary(s, name, 9, Numeric3, boolResult: true);
            BinaryOperators.Binary(s, name, 13, Numeric, boolResult: true);
        }
        foreach (string name in new[] { "GreaterOrEqual", "LessOrEqual" })
        {
            BinaryOperators.Binary(s, name, 12, Numeric3, boolResult: true);
            BinaryOperators.Binary(s, name, 16, Numeric, boolResult: true);
        }
    }
}
