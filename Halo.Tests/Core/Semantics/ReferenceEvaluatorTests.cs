using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators;
using Halo.Core.Operators.Onnx;
using Halo.Core.Semantics;
using NUnit.Framework;

namespace Halo.Tests.Core.Semantics;

[TestFixture]
public sealed class ReferenceEvaluatorTests
{
    private static readonly OperatorRegistry s_registry = CreateRegistry();

    private static OperatorRegistry CreateRegistry()
    {
        var s = new OperatorSetBuilder();
        s.Define("Add", 14).Input("A", "T").Input("B", "T").Output("C", "T").Constraint("T", TypeSets.Numeric)
            .Infer(ShapeHelpers.Elementwise)
            .Evaluate(ctx =>
            {
                var a = TensorValues.ToDoubleArray(ctx.Tensor(0))!;
                var b = TensorValues.ToDoubleArray(ctx.Tensor(1))!;
                if (a.Length != b.Length)
                {
                    ctx.Fail("this test kernel does not broadcast");
                }
                ctx.SetOutput(0, TensorFactory.FromDoubles(ctx.Tensor(0).ElementType, a.Zip(b, (x, y) => x + y).ToArray(), ctx.Tensor(0).Dimensions));
            });
        s.Define("If", 16).Input("cond", "B").VariadicOutput("outputs", "V", homogeneous: false)
            .RequiredAttr("then_branch", AttributeKind.Graph).RequiredAttr("else_branch", AttributeKind.Graph)
            .Constraint("B", TypeSets.Bool).Constraint("V", TypeSets.All)
            .Evaluate(ctx =>
            {
                bool c = TensorValues.ToInt64Array(ctx.Tensor(0))![0] != 0;
                var outs = ctx.EvaluateSubgraph(ctx.GetGraph(c ? "then_branch" : "else_branch")!, []);
                for (int i = 0; i < outs.Length; i++)
                {
                    ctx.SetOutput(i, outs[i]);
                }
            });
        s.Define("Relu", 14).Input("X", "T").Output("Y", "T").Constraint("T", TypeSets.Float);
        return s.Build();
    }

    private static TensorValue Floats(params float[] values) => new(TensorData.FromFloats(values, values.Length));

    [Test]
    public void Evaluate_GraphWithSubgraphCapture_ComputesOutputs()
    {
        var then = new GraphBuilder(s_registry);
        var captured = then.AddCapture("x", TensorType.Of(ElementType.Float, 2));
        then.AddOutput(then.AddOp("Add", captured, captured));
        var otherwise = new GraphBuilder(s_registry);
        otherwise.AddOutput(otherwise.AddConstant("zero", TensorData.FromFloats([0f, 0f], 2)));
        var b = new GraphBuilder(s_registry);
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 2));
        var cond = b.AddInput("c", TensorType.Of(ElementType.Bool));
        var attrs = AttributeMap.Create(new Dictionary<string, AttributeValue>
        {
            ["then_branch"] = AttributeValue.FromGraph(then.Build("then")),
            ["else_branch"] = AttributeValue.FromGraph(otherwise.Build("else")),
        });
        b.AddOutput(b.AddOp("Add", b.AddOp("If", ImmutableArray.Create(cond), attrs, 1)[0], x));
        var graph = b.Build();
        var yes = new TensorValue(TensorData.Create(ElementType.Bool, new byte[] { 1 }));

        var result = new ReferenceEvaluator(s_registry).Evaluate(graph, [Floats(1, 2), yes]);

        Assert.That(((TensorValue)result[0]).Data.AsSpan<float>().ToArray(), Is.EqualTo(new[] { 3f, 6f }));
    }

    [Test]
    public void Evaluate_OperatorWithoutSemantics_ThrowsNamingTheNode()
    {
        var b = new GraphBuilder(s_registry);
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 2));
        b.AddOutput(b.AddOp("Relu", [x], nodeName: "act")[0]);

        var e = Assert.Throws<EvaluationException>(() => new ReferenceEvaluator(s_registry).Evaluate(b.Build(), [Floats(1, 2)]));

        Assert.That(e!.Message, Does.Contain("'act'").And.Contain("no reference semantics"));
    }

    [Test]
    public void Evaluate_KernelFailure_ThrowsNamingTheNode()
    {
        var b = new GraphBuilder(s_registry);
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 2));
        var y = b.AddInput("y", TensorType.Of(ElementType.Float, 1));
        b.AddOutput(b.AddOp("Add", [x, y], nodeName: "sum")[0]);

        var e = Assert.Throws<EvaluationException>(() => new ReferenceEvaluator(s_registry).Evaluate(b.Build(), [Floats(1, 2), Floats(1)]));

        Assert.That(e!.Message, Does.Contain("'sum'").And.Contain("does not broadcast"));
    }

    [TestCase(ElementType.Float16, 1.5)]
    [TestCase(ElementType.BFloat16, -2.0)]
    [TestCase(ElementType.Int8, -3.0)]
    [TestCase(ElementType.UInt4, 7.0)]
    [TestCase(ElementType.Bool, 1.0)]
    public void TensorFactory_FromDoubles_RoundTripsThroughTensorValues(ElementType type, double value)
    {
        var data = TensorFactory.FromDoubles(type, [value, value], [2]);

        Assert.That(data.ElementType, Is.EqualTo(type));
        if (type != ElementType.UInt4)
        {
            Assert.That(TensorValues.ToDoubleArray(data), Is.EqualTo(new[] { value, value }));
        }
    }
}
