using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators;
using Halo.Core.Verification;
using Halo.Passes.Inference;
using Halo.Passes.Shapes;
using NUnit.Framework;

namespace Halo.Tests.Passes.Inference;

[TestFixture]
public sealed class TypeReinferrerTests
{
    private static readonly Dictionary<string, long> s_opset = new() { [""] = 17 };

    [Test]
    public void Rewrite_IfWhoseTypesChange_KeepsItsCapturedOuterValues()
    {
        // hidden = Neg(x) is used only by the If's branch; x's shape is pinned from [?] to [2], so the If is rebuilt.
        var dynamic = new TensorType(ElementType.Float, Shape.Of(Dimension.Unknown));
        var branch = new GraphBuilder(opsets: s_opset);
        branch.AddOutput(branch.AddOp("Relu", branch.AddCapture("hidden", dynamic)), "out");
        var b = new GraphBuilder(opsets: s_opset);
        var x = b.AddInput("x", dynamic);
        var cond = b.AddInput("cond", TensorType.Of(ElementType.Bool));
        var hidden = b.Named(b.AddOp("Neg", x), "hidden");
        var attrs = AttributeMap.Create(new Dictionary<string, AttributeValue>
        {
            ["then_branch"] = AttributeValue.FromGraph(branch.Build("then")),
            ["else_branch"] = AttributeValue.FromGraph(branch.Build("else")),
        });
        var ifOp = ((GreenOp)b.AddOp("If", ImmutableArray.Create(cond), attrs, 1)[0].Producer!).WithImplicitInputs([hidden]);
        var graph = Graph.Create("g", b.Build().Inputs, [b.Named(b.AddOp("Abs", ifOp.Output(0)), "y")], b.Build().ValueNames);
        var pinnedX = graph.Inputs[0].WithType(TensorType.Of(ElementType.Float, 2));
        var pinned = ValueReplacer.Replace(graph, [pinnedX, graph.Inputs[1]], new Dictionary<ValueRef, ValueRef> { [graph.Inputs[0].Output(0)] = pinnedX.Output(0) });

        var rewritten = new TypeReinferrer(OperatorRegistry.Default).Rewrite(pinned);

        var rebuiltIf = rewritten.TopologicalOrder.OfType<GreenOp>().Single(o => o.Operator.Name == "If");
        Assert.That(rebuiltIf.ImplicitInputs, Has.Length.EqualTo(1));
        Assert.That(rewritten.NameOf(rebuiltIf.ImplicitInputs[0]), Is.EqualTo("hidden"));
        Assert.That(new Verifier(OperatorRegistry.Default).Verify(rewritten).Where(d => d.Id == "HALO2008"), Is.Empty);
    }
}
