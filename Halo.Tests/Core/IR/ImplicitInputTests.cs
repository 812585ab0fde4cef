using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Text;
using Halo.Core.IR.Types;
using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Core.IR;

[TestFixture]
public sealed class ImplicitInputTests
{
    [Test]
    public void ImplicitInputs_ValueUsedOnlyInSubgraph_StaysInGraphOrderedBeforeTheUserAndRoundTrips()
    {
        var t = TensorType.Of(ElementType.Float, 2);
        var body = new GraphBuilder(TestOperators.Registry);
        body.AddOutput(body.AddOp("Relu", body.AddCapture("hidden", t)));
        var b = new GraphBuilder(TestOperators.Registry);
        var x = b.AddInput("x", t);
        var cond = b.AddInput("c", TensorType.Of(ElementType.Bool));
        var hidden = b.Named(b.AddOp("Neg", x), "hidden");
        var attrs = AttributeMap.Create(new Dictionary<string, AttributeValue>
        {
            ["then_branch"] = AttributeValue.FromGraph(body.Build("then")),
            ["else_branch"] = AttributeValue.FromGraph(body.Build("else")),
        });
        var ifOp = ((GreenOp)b.AddOp("If", ImmutableArray.Create(cond), attrs, 1)[0].Producer!).WithImplicitInputs([hidden]);
        var graph = Graph.Create("g", b.Build().Inputs, [ifOp.Output(0)], b.Build().ValueNames);

        Assert.That(graph.TopologicalOrder, Does.Contain(hidden.Producer), "the captured value is kept alive");
        Assert.That(graph.TopologicalOrder.IndexOf(hidden.Producer!), Is.LessThan(graph.TopologicalOrder.IndexOf(ifOp)));
        Assert.That(graph.GetNode(hidden.Producer!).Users.Single().InputIndex, Is.EqualTo(1), "implicit inputs follow the operands");
        string text = GraphPrinter.PrintGraph(graph);
        Assert.That(text, Does.Contain("captures(%hidden)"));
        Assert.That(GraphPrinter.PrintGraph(GraphParser.ParseGraph(text, out _)!), Is.EqualTo(text));
    }
}
