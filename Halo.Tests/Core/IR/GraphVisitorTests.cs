using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Core.IR;

[TestFixture]
public sealed class GraphVisitorTests
{
    /// <summary>Computes each node's depth (longest path from an input or constant) from its producers' results.</summary>
    private sealed class DepthVisitor : GraphVisitor<int>
    {
        public List<string> Kinds { get; } = [];

        protected override int VisitInput(Node node)
        {
            Kinds.Add("input");
            return 0;
        }

        protected override int VisitConstant(Node node)
        {
            Kinds.Add("constant");
            return 0;
        }

        protected override int VisitOp(Node node)
        {
            Kinds.Add(node.Operator!.Name);
            return 1 + node.Green.Inputs.Where(i => !i.IsNone).Select(i => ResultOf(i.Producer!)).DefaultIfEmpty(0).Max();
        }

        protected override int DefaultVisit(Node node) => throw new InvalidOperationException("unexpected " + node.Kind);

        public int DepthOf(Halo.Core.IR.Green.GreenNode node) => ResultOf(node);
    }

    [Test]
    public void VisitGraph_VisitsProducersFirstAndDispatchesByKind()
    {
        var b = new GraphBuilder(TestOperators.Registry);
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 3));
        var c = b.AddConstant("c", TensorData.FromFloats([1f, 2f, 3f], 3));
        var sum = b.AddOp("Add", x, c);
        var y = b.AddOp("Relu", b.AddOp("Neg", sum));
        b.AddOutput(b.AddOp("Mul", y, sum));
        var visitor = new DepthVisitor();

        visitor.VisitGraph(b.Build());

        Assert.That(visitor.Kinds, Is.EqualTo(new[] { "input", "constant", "Add", "Neg", "Relu", "Mul" }));
        Assert.That(visitor.DepthOf(y.Producer!), Is.EqualTo(3));
    }
}
