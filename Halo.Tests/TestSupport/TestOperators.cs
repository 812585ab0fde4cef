using Halo.Core.IR.Attributes;
using Halo.Core.Operators;
using Halo.Core.Operators.Onnx;

namespace Halo.Tests.TestSupport;

/// <summary>A small registry independent of the built-in schemas, for IR tests.</summary>
internal static class TestOperators
{
    public static OperatorRegistry Registry { get; } = Create();

    private static OperatorRegistry Create()
    {
        var s = new OperatorSetBuilder();
        foreach (string name in new[] { "Add", "Mul", "Sub" })
        {
            s.Define(name, 14).Input("A", "T").Input("B", "T").Output("C", "T")
                .Constraint("T", TypeSets.Numeric).Infer(ShapeHelpers.Elementwise);
        }
        foreach (string name in new[] { "Relu", "Neg", "Identity" })
        {
            s.Define(name, 14).Input("X", "T").Output("Y", "T").Constraint("T", TypeSets.Numeric)
                .Infer(ShapeHelpers.SameAsInput(0));
        }
        s.Define("Split", 18).Input("input", "T").OptionalInput("split", "tensor(int64)").VariadicOutput("outputs", "T")
            .Attr("axis", AttributeKind.Int, 0L).Attr("num_outputs", AttributeKind.Int).Constraint("T", TypeSets.All);
        s.Define("If", 16).Input("cond", "B").VariadicOutput("outputs", "V", homogeneous: false)
            .RequiredAttr("then_branch", AttributeKind.Graph).RequiredAttr("else_branch", AttributeKind.Graph)
            .Constraint("B", TypeSets.Bool).Constraint("V", [.. TypeSets.All, .. TypeSets.Sequences]);
        s.Define("Everything", 1).VariadicInput("x", "T", minArity: 0).Output("y", "T").Constraint("T", TypeSets.AllIr10)
            .AllowUnknownAttributes();
        return s.Build();
    }
}
