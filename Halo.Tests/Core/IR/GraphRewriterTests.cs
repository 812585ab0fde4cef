using NUnit.Framework;
using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators;
using Halo.Tests.TestSupport;

namespace Halo.Tests.Core.IR;

[TestFixture]
public sealed class GraphRewriterTests
{
    /// <summary>Replaces Relu by Neg: a rewrite that changes exactly one node.</summary>
    private sealed class ReluToNeg : GraphRewriter
    {
        protected override ImmutableArray<ValueRef> RewriteNode(Node original, GreenNode updated)
        {
            if (updated is not GreenOp { Operator.Name: "Relu" } relu)
            {
                return default;
            }
            TestOperators.Registry.TryResolve("", "Neg", 14, out var neg);
            return [OperatorRegistry.CreateOp(neg!, relu.Inputs, relu.Attributes, 1, out _).Output(0)];
        }
    }

    private static (Graph Graph, ValueRef Add, ValueRef Relu, ValueRef Mul) BuildChain()
    {
        var b = new GraphBuilder(TestOperators.Registry);
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 2, 3));
        var y = b.AddInput("y", TensorType.Of(ElementType.Float, 2, 3));
        var add = b.AddOp("Add", x, y);
        b.Named(add, "sum");
        var relu = b.AddOp("Relu", add);
        b.Named(relu, "activated");
        var mul = b.AddOp("Mul", relu, y);
        b.AddOutput(mul, "out");
        b.AddOutput(add);
        return (b.Build(), add, relu, mul);
    }

    [Test]
    public void Rewrite_OneNodeReplaced_SharesUntouchedNodesAndKeepsOldGraph()
    {
        var (before, add, relu, mul) = BuildChain();
        string printedBefore = Halo.Core.IR.Text.GraphPrinter.PrintGraph(before);

        var after = new ReluToNeg().Rewrite(before);

        Assert.That(after, Is.Not.SameAs(before));
        Assert.That(after.Inputs, Is.EqualTo(before.Inputs));
        Assert.That(after.Outputs[1].Producer, Is.SameAs(add.Producer), "the untouched Add is shared");
        var newMul = (GreenOp)after.Outputs[0].Producer!;
        Assert.That(newMul, Is.Not.SameAs(mul.Producer), "Mul is path-copied because its operand changed");
        var neg = (GreenOp)newMul.Inputs[0].Producer!;
        Assert.That(neg.Operator.Name, Is.EqualTo("Neg"));
        Assert.That(neg.Inputs[0].Producer, Is.SameAs(add.Producer));
        Assert.That(newMul.Inputs[1], Is.EqualTo(mul.Producer!.Inputs[1]));
        Assert.That(after.NameOf(neg.Output(0)), Is.EqualTo("activated"), "the replacement inherits the name");
        Assert.That(after.NameOf(newMul.Output(0)), Is.EqualTo("out"));
        Assert.That(Halo.Core.IR.Text.GraphPrinter.PrintGraph(before), Is.EqualTo(printedBefore), "the old graph is unchanged");
        Assert.That(before.Contains(relu.Producer!), Is.True);
        Assert.That(after.Contains(relu.Producer!), Is.False);
    }

    [Test]
    public void Rewrite_NothingMatches_ReturnsSameGraph()
    {
        var b = new GraphBuilder(TestOperators.Registry);
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 4));
        b.AddOutput(b.AddOp("Neg", x));
        var graph = b.Build();

        Assert.That(new ReluToNeg().Rewrite(graph), Is.SameAs(graph));
    }

    [Test]
    public void TopologicalOrder_LongChain_DoesNotOverflowTheStack()
    {
        var b = new GraphBuilder(TestOperators.Registry);
        var v = b.AddInput("x", TensorType.Of(ElementType.Float, 1));
        for (int i = 0; i < 100_000; i++)
        {
            v = b.AddOp("Relu", v);
        }
        b.AddOutput(v);
        var graph = b.Build();

        Assert.That(graph.TopologicalOrder, Has.Length.EqualTo(100_001));
        Assert.That(new ReluToNeg().Rewrite(graph).TopologicalOrder, Has.Length.EqualTo(100_001));
    }

    [Test]
    public void Users_OfSharedValue_ListEveryConsumer()
    {
        var (graph, add, _, _) = BuildChain();

        var users = graph.GetNode(add.Producer!).Users;

        Assert.That(users.Select(u => u.Consumer.Operator!.Name), Is.EqualTo(new[] { "Relu" }));
        Assert.That(graph.GetNode(graph.Inputs[1]).Users.Select(u => u.Consumer.Operator!.Name),
            Is.EquivalentTo(new[] { "Add", "Mul" }));
        var red = graph.GetNode(add.Producer!);
        Assert.That(graph.GetNode(add.Producer!), Is.SameAs(red), "red nodes are cached");
    }
}
