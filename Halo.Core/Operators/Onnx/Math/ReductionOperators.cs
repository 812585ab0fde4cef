using Halo.Core.IR.Attributes;
using Halo.Core.Operators.Onnx.Math.Semantics;
using static Halo.Core.Operators.Onnx.Math.MathTypeSets;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Math;

/// <summary>Reductions (Reduce*: axes attribute before opset 13/18, axes input after) and ArgMax/ArgMin.</summary>
internal static class ReductionOperators
{
    private static readonly string[] s_otherReductions =
        ["ReduceMean", "ReduceProd", "ReduceL1", "ReduceL2", "ReduceLogSum", "ReduceLogSumExp", "ReduceSumSquare"];

    public static void Register(OperatorSetBuilder s)
    {
        WithAxesAttr(s, "ReduceSum", Reduce1, 1, 11);
        WithAxesInput(s, "ReduceSum", Arith6Bf16, 13);
        foreach (string name in s_otherReductions)
        {
            WithAxesAttr(s, name, Reduce1, 1, 11);
            WithAxesAttr(s, name, Arith6Bf16, 13);
            WithAxesInput(s, name, Arith6Bf16, 18);
        }
        foreach (string name in new[] { "ReduceMax", "ReduceMin" })
        {
            WithAxesAttr(s, name, Reduce1, 1, 11);
            WithAxesAttr(s, name, Reduce12, 12);
            WithAxesAttr(s, name, Reduce12Bf16, 13);
            WithAxesInput(s, name, Reduce12Bf16, 18);
            WithAxesInput(s, name, Reduce20, 20);
        }
        foreach (string name in new[] { "ArgMax", "ArgMin" })
        {
            ArgReduce(s, name, Numeric3, 1, 11);
            ArgReduce(s, name, Numeric3, 12).Attr("select_last_index", AttributeKind.Int, 0L);
            ArgReduce(s, name, Numeric, 13).Attr("select_last_index", AttributeKind.Int, 0L);
        }
    }

    private static void WithAxesAttr(OperatorSetBuilder s, string name, string[] types, params int[] versions) =>
        s.Define(name, versions).Input("data", "T").Output("reduced", "T").Attr("axes", AttributeKind.Ints)
            .Attr("keepdims", AttributeKind.Int, 1L).Constraint("T", types).Infer(ReduceInference.FromAttribute).Evaluate(ReduceKernels.For(name));

    private static void WithAxesInput(OperatorSetBuilder s, string name, string[] types, int version) =>
        s.Define(name, version).Input("data", "T").OptionalInput("axes", "tensor(int64)").Output("reduced", "T")
            .Attr("keepdims", AttributeKind.Int, 1L).Attr("noop_with_empty_axes", AttributeKind.Int, 0L)
            .Constraint("T", types).Infer(ReduceInference.FromInput).Evaluate(ReduceKernels.For(name));

    private static OperatorSchemaBuilder ArgReduce(OperatorSetBuilder s, string name, string[] types, params int[] versions) =>
        s.Define(name, versions).Input("data", "T").Output("reduced", "tensor(int64)").Attr("axis", AttributeKind.Int, 0L)
            .Attr("keepdims", AttributeKind.Int, 1L).Constraint("T", types).Infer(ReduceInference.ArgReduce).Evaluate(ArgKernels.For(name == "ArgMax"));
}
