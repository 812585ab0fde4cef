using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Tensor.Semantics.TensorEval;

namespace Halo.Tests.Operators.Onnx.Tensor.Semantics;

[TestFixture]
public sealed class ControlFlowSemanticsTests
{
    private static readonly TensorType s_i64Scalar = new(ElementType.Int64, Shape.Scalar);
    private static readonly TensorType s_boolScalar = new(ElementType.Bool, Shape.Scalar);

    private static GraphBuilder Body(long opset) => new(opsets: new Dictionary<string, long> { [""] = opset });

    private static long[] Longs(RuntimeValue v) => ((TensorValue)v).Data.AsSpan<long>().ToArray();

    [Test]
    public void Loop_ThreeIterations_CarriesAndStacks()
    {
        var b = Body(13);
        var iter = b.AddInput("i", s_i64Scalar);
        var cond = b.AddInput("c", s_boolScalar);
        var v = b.AddInput("v", new TensorType(ElementType.Int64, Shape.Of(Dimension.Unknown)));
        var one = b.AddOp("Unsqueeze", [iter, b.AddConstant("ax", Ints([0], 1))]);
        b.AddOutput(cond);
        b.AddOutput(b.AddOp("Concat", [v, one], OpTest.Attrs(("axis", 0L)))[0]);
        b.AddOutput(iter);
        var r = Run(13, "Loop", [Ints([3]), TensorData.Create<bool>(ElementType.Bool, [true]), Ints([], 0)], 2, ("body", b.Build("body")));
        Assert.That(Longs(r[0]), Is.EqualTo(new long[] { 0, 1, 2 }));
        Assert.That(Longs(r[1]), Is.EqualTo(new long[] { 0, 1, 2 }));
    }

    [Test]
    public void If_FalseCondition_RunsElseBranch()
    {
        Graph Branch(long value)
        {
            var g = Body(13);
            g.AddOutput(g.AddConstant("k", Ints([value], 1)));
            return g.Build("branch");
        }
        var r = Run(13, "If", [TensorData.Create<bool>(ElementType.Bool, [false])], 1, ("then_branch", Branch(1)), ("else_branch", Branch(2)));
        Assert.That(Longs(r[0]), Is.EqualTo(new long[] { 2 }));
    }

    [Test]
    public void Scan_Version8Batched_ReturnsLastAndPreviousStates()
    {
        var b = Body(8);
        var state = b.AddInput("s", new TensorType(ElementType.Int64, Shape.Of(2)));
        var x = b.AddInput("x", new TensorType(ElementType.Int64, Shape.Of(2)));
        b.AddOutput(b.AddOp("Concat", [x], OpTest.Attrs(("axis", 0L)))[0]);
        b.AddOutput(b.AddOp("Concat", [state], OpTest.Attrs(("axis", 0L)))[0]);
        var r = Run(8, "Scan", [null, Ints([9, 9], 1, 2), Ints([1, 2, 3, 4, 5, 6], 1, 3, 2)], 2,
            ("body", b.Build("body")), ("num_scan_inputs", 1L));
        Assert.That(Longs(r[0]), Is.EqualTo(new long[] { 5, 6 }));
        Assert.That(Longs(r[1]), Is.EqualTo(new long[] { 9, 9, 1, 2, 3, 4 }));
        Assert.That(((TensorValue)r[1]).Data.Dimensions, Is.EqualTo(new long[] { 1, 3, 2 }));
    }

    [Test]
    public void Scan_ReverseInput_VisitsLastFirst()
    {
        var b = Body(16);
        var state = b.AddInput("s", new TensorType(ElementType.Int64, Shape.Of(1)));
        var x = b.AddInput("x", new TensorType(ElementType.Int64, Shape.Of(1)));
        b.AddOutput(b.AddOp("Concat", [x], OpTest.Attrs(("axis", 0L)))[0]);
        b.AddOutput(b.AddOp("Concat", [x], OpTest.Attrs(("axis", 0L)))[0]);
        var r = Run(16, "Scan", [Ints([0], 1), Ints([1, 2, 3], 3, 1)], 2, ("body", b.Build("body")), ("num_scan_inputs", 1L),
            ("scan_input_directions", new long[] { 1 }));
        Assert.That(Longs(r[0]), Is.EqualTo(new long[] { 1 }));
        Assert.That(Longs(r[1]), Is.EqualTo(new long[] { 3, 2, 1 }));
    }

    [Test]
    public void SplitToSequence_NoSplitKeepDimsZero_DropsAxis()
    {
        var t = new OpTest(11);
        var seq = t.Builder.AddOp("SplitToSequence", [t.Constant(Ints([1, 2, 3, 4], 2, 2))], OpTest.Attrs(("keepdims", 0L)))[0];
        var at = t.Builder.AddOp("SequenceAt", [seq, t.Constant(Ints([-1]))]);
        var back = t.Builder.AddOp("ConcatFromSequence", [seq], OpTest.Attrs(("axis", 1L), ("new_axis", 1L)))[0];
        t.Builder.AddOutput(at);
        t.Builder.AddOutput(back);
        var r = ReferenceEvaluator.Default.Evaluate(t.Builder.Build(), []);
        Assert.That(((TensorValue)r[0]).Data.Dimensions, Is.EqualTo(new long[] { 2 }));
        Assert.That(Longs(r[0]), Is.EqualTo(new long[] { 3, 4 }));
        Assert.That(Longs(r[1]), Is.EqualTo(new long[] { 1, 3, 2, 4 }));
    }

    [Test]
    public void OptionalGetElement_EmptyOptional_FailsWithEvaluationException()
    {
        var t = new OpTest(18);
        var opt = t.Builder.AddOp("Optional", [default(ValueRef)], OpTest.Attrs(("type", (IrType)new TensorType(ElementType.Float, Shape.Unranked))))[0];
        t.Builder.AddOutput(t.Builder.AddOp("OptionalHasElement", [opt]));
        var r = ReferenceEvaluator.Default.Evaluate(t.Builder.Build(), []);
        Assert.That(((TensorValue)r[0]).Data.AsSpan<bool>()[0], Is.False);
        var t2 = new OpTest(18);
        var opt2 = t2.Builder.AddOp("Optional", [default(ValueRef)], OpTest.Attrs(("type", (IrType)new TensorType(ElementType.Float, Shape.Unranked))))[0];
        t2.Builder.AddOutput(t2.Builder.AddOp("OptionalGetElement", [opt2]));
        Assert.Throws<EvaluationException>(() => ReferenceEvaluator.Default.Evaluate(t2.Builder.Build(), []));
    }
}
