using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx;

/// <summary>Elementwise arithmetic operators.</summary>
internal static class ElementwiseOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        foreach (string name in new[] { "Add", "Sub", "Mul", "Div" })
        {
            s.Define(name, 14, 13, 7).Input("A", "T").Input("B", "T").Output("C", "T")
                .Constraint("T", Numeric).Infer(ShapeHelpers.Elementwise);
        }
        s.Define("Relu", 14, 13, 6).Input("X", "T").Output("Y", "T").Constraint("T", [.. Float, .. SignedInt])
            .Infer(ShapeHelpers.SameAsInput(0));
    }
}
