using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Frontends.Onnx.OnnxTestModels;

namespace Halo.Tests.Frontends.Onnx;

[TestFixture]
public sealed class OnnxSubgraphTests
{
    [Test]
    public void Import_IfBranchUsesOuterValue_BecomesCaptureWithOuterType()
    {
        var then = Graph("then", [], [Untyped("r")], Node("Relu", ["w"], ["r"], "in_then"));
        var @else = Graph("else", [], [Untyped("e")], Node("Identity", ["x"], ["e"], "in_else"));
        var graph = Graph("g", [Tensor("c", 9), Tensor("x", Float, 4)], [Untyped("y")],
            Node("If", ["c"], ["y"], "if1", null, GraphAttribute("then_branch", then), GraphAttribute("else_branch", @else)),
            Node("Relu", ["x"], ["w"], "producer_after_if_in_file"));

        var result = OnnxImportHelper.Import(Model(graph));

        Assert.That(result.Diagnostics, Is.Empty, result.Describe());
        var ifOp = (GreenOp)result.Model!.Graph.Outputs[0].Producer!;
        var thenGraph = ifOp.Attributes["then_branch"].AsGraph();
        var capture = thenGraph.TopologicalOrder.OfType<GreenCapture>().Single();
        Assert.That(capture.OuterName, Is.EqualTo("w"));
        Assert.That(capture.Type, Is.EqualTo(TensorType.Of(ElementType.Float, 4)));
        Assert.That(thenGraph.NameOf(capture.Output(0)), Is.EqualTo("w"));
        Assert.That(thenGraph.Outputs[0].Type, Is.EqualTo(TensorType.Of(ElementType.Float, 4)));
        Assert.That(thenGraph.LocationOf(thenGraph.Outputs[0].Producer!).SubgraphPath, Is.EqualTo("if1/then_branch"));
    }

    [Test]
    public void Import_NestedSubgraphUsesMainGraphValue_ResolvesThroughScopeChain()
    {
        var inner = Graph("inner", [], [Untyped("r")], Node("Relu", ["x"], ["r"], "deep"));
        var middle = Graph("middle", [], [Untyped("m")],
            Node("If", ["c"], ["m"], "if_inner", null, GraphAttribute("then_branch", inner), GraphAttribute("else_branch", inner)));
        var graph = Graph("g", [Tensor("c", 9), Tensor("x", Float, 2)], [Untyped("y")],
            Node("If", ["c"], ["y"], "if_outer", null, GraphAttribute("then_branch", middle), GraphAttribute("else_branch", middle)));

        var result = OnnxImportHelper.Import(Model(graph));

        Assert.That(result.Diagnostics, Is.Empty, result.Describe());
        var outer = (GreenOp)result.Model!.Graph.Outputs[0].Producer!;
        var middleGraph = outer.Attributes["then_branch"].AsGraph();
        var innerIf = (GreenOp)middleGraph.Outputs[0].Producer!;
        // Every level between the definition and the use captures the value, and each If lists it as an
        // implicit input, so the main graph keeps 'x' alive and orders it before the outer If.
        var middleCaptures = middleGraph.TopologicalOrder.OfType<GreenCapture>().ToList();
        Assert.That(middleCaptures.Select(c => c.OuterName), Is.EquivalentTo(new[] { "c", "x" }));
        Assert.That(innerIf.ImplicitInputs.Single().Producer, Is.SameAs(middleCaptures.Single(c => c.OuterName == "x")));
        Assert.That(outer.ImplicitInputs, Is.EquivalentTo(new[] { result.Model.Graph.Inputs[0].Output(0), result.Model.Graph.Inputs[1].Output(0) }));
        var innerGraph = innerIf.Attributes["then_branch"].AsGraph();
        var capture = innerGraph.TopologicalOrder.OfType<GreenCapture>().Single();
        Assert.That((capture.OuterName, capture.Type.ToString()), Is.EqualTo(("x", "f32[2]")));
        Assert.That(innerGraph.LocationOf(innerGraph.Outputs[0].Producer!).SubgraphPath,
            Is.EqualTo("if_outer/then_branch/if_inner/then_branch"));
    }

    [Test]
    public void Import_SubgraphInputsShadowOuterNames_UseLocalValue()
    {
        var body = Graph("body", [Tensor("x", Float, 7)], [Untyped("r")], Node("Relu", ["x"], ["r"], "uses_local"));
        var graph = Graph("g", [Tensor("c", 9), Tensor("x", Float, 2)], [Untyped("y")],
            Node("If", ["c"], ["y"], "if1", null, GraphAttribute("then_branch", body), GraphAttribute("else_branch", body)));

        var result = OnnxImportHelper.Import(Model(graph));

        var thenGraph = ((GreenOp)result.Model!.Graph.Outputs[0].Producer!).Attributes["then_branch"].AsGraph();
        Assert.That(thenGraph.TopologicalOrder.OfType<GreenCapture>(), Is.Empty);
        Assert.That(thenGraph.Outputs[0].Type.ToString(), Is.EqualTo("f32[7]"));
    }

    [Test]
    public void Import_SubgraphUsesUnknownName_ReportsHALO2008()
    {
        var then = Graph("then", [], [Untyped("r")], Node("Relu", ["nowhere"], ["r"], "in_then"));
        var graph = Graph("g", [Tensor("c", 9)], [Untyped("y")],
            Node("If", ["c"], ["y"], "if1", null, GraphAttribute("then_branch", then), GraphAttribute("else_branch", then)));

        var result = OnnxImportHelper.Import(Model(graph));

        Assert.That(result.WithId("HALO2008").Select(d => d.Message), Has.All.Contains("'nowhere'"));
        Assert.That(result.Ids(), Does.Not.Contain("HALO1005"));
    }

    [Test]
    public void Import_UnknownOperatorInSubgraph_ReportsHALO1002WithSubgraphPath()
    {
        var then = Graph("then", [], [Untyped("r")], Node("Mystery", ["c"], ["r"], "m"));
        var graph = Graph("g", [Tensor("c", 9)], [Untyped("y")],
            Node("If", ["c"], ["y"], "if1", null, GraphAttribute("then_branch", then), GraphAttribute("else_branch", then)));

        var result = OnnxImportHelper.Import(Model(graph));

        var d = result.WithId("HALO1002").ToList();
        Assert.That(d, Has.Count.EqualTo(2));
        Assert.That(d[0].ToString(), Does.Contain("in if1/then_branch"));
    }

    [Test]
    public void Import_LoopBody_HasBodyInputsAndCapturesOuterValues()
    {
        var registry = Registry.ToBuilder();
        registry.Define("Loop", 16).OptionalInput("M", "I").OptionalInput("cond", "B").VariadicInput("v_initial", "V", 0, false)
            .VariadicOutput("v_final_and_scan_outputs", "V", 0, false).RequiredAttr("body", Halo.Core.IR.Attributes.AttributeKind.Graph)
            .Constraint("I", "tensor(int64)").Constraint("B", "tensor(bool)").Constraint("V", Halo.Core.Operators.Onnx.TypeSets.AllIr10);
        var body = Graph("body", [Tensor("i", Int64Type), Tensor("cond_in", 9), Tensor("acc", Float, 3)],
            [Untyped("cond_out"), Tensor("acc_out", Float, 3)],
            Node("Identity", ["cond_in"], ["cond_out"], "keep_going"),
            Node("Add", ["acc", "step"], ["acc_out"], "accumulate"));
        var graph = Graph("g", [Tensor("n", Int64Type), Tensor("c", 9), Tensor("a0", Float, 3), Tensor("step", Float, 3)],
            [Tensor("a", Float, 3)],
            Node("Loop", ["n", "c", "a0"], ["a"], "loop1", null, GraphAttribute("body", body)));

        var result = OnnxImportHelper.Import(Model(graph, 16), registry.Build());

        Assert.That(result.Diagnostics, Is.Empty, result.Describe());
        var loop = (GreenOp)result.Model!.Graph.Outputs[0].Producer!;
        var bodyGraph = loop.Attributes["body"].AsGraph();
        Assert.That(bodyGraph.Inputs.Select(i => bodyGraph.NameOf(i.Output(0))), Is.EqualTo(new[] { "i", "cond_in", "acc" }));
        var capture = bodyGraph.TopologicalOrder.OfType<GreenCapture>().Single();
        Assert.That((capture.OuterName, capture.Type.ToString()), Is.EqualTo(("step", "f32[3]")));
        Assert.That(bodyGraph.Outputs[1].Type.ToString(), Is.EqualTo("f32[3]"));
        Assert.That(loop.OutputTypes[0].ToString(), Is.EqualTo("f32[3]"));
    }
}
