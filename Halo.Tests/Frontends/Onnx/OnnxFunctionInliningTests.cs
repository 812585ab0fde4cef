using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Frontends.Onnx.Protos;
using NUnit.Framework;
using static Halo.Tests.Frontends.Onnx.OnnxTestModels;

namespace Halo.Tests.Frontends.Onnx;

[TestFixture]
public sealed class OnnxFunctionInliningTests
{
    private const string Domain = "com.example";

    /// <summary>DoubleRelu(x) = Relu(Relu(x)) with an internal value named 't'.</summary>
    private static FunctionProto DoubleRelu()
    {
        var f = new FunctionProto { Name = "DoubleRelu", Domain = Domain };
        f.Input.Add("x");
        f.Output.Add("y");
        f.Node.Add(Node("Relu", ["x"], ["t"], "inner1"));
        f.Node.Add(Node("Relu", ["t"], ["y"], "inner2"));
        f.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 14 });
        return f;
    }

    private static ModelProto WithDomain(ModelProto model)
    {
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = Domain, Version = 1 });
        return model;
    }

    private static List<GreenOp> Ops(Graph graph) => [.. graph.TopologicalOrder.OfType<GreenOp>()];

    [Test]
    public void Import_FunctionCall_InlinesBodyWithUniqueNames()
    {
        // The graph has its own 't', which the function's internal 't' must not clash with.
        var graph = Graph("g", [Tensor("t", Float, 3)], [Tensor("z", Float, 3)],
            Node("DoubleRelu", ["t"], ["u"], "call1", Domain),
            Node("DoubleRelu", ["u"], ["z"], "call2", Domain));

        var result = OnnxImportHelper.Import(WithDomain(Model(graph, 14, DoubleRelu())));

        Assert.That(result.Diagnostics, Is.Empty, result.Describe());
        var g = result.Model!.Graph;
        var ops = Ops(g);
        Assert.That(ops.Select(o => o.Operator.Name), Is.EqualTo(new[] { "Relu", "Relu", "Relu", "Relu" }));
        var names = ops.Select(o => g.NameOf(o.Output(0))).ToList();
        Assert.That(names[1], Is.EqualTo("u"));
        Assert.That(names[3], Is.EqualTo("z"));
        Assert.That(names[0], Is.Not.EqualTo("t").And.Not.EqualTo(names[2]));
        Assert.That(g.NodeNameOf(ops[0]), Is.EqualTo("call1/inner1"));
        Assert.That(g.LocationOf(ops[2]).NodeIndex, Is.EqualTo(1));
        Assert.That(g.Outputs[0].Type.ToString(), Is.EqualTo("f32[3]"));
    }

    [Test]
    public void Import_FunctionAttributeReference_SubstitutesCallerValueOrDefault()
    {
        var f = new FunctionProto { Name = "Scaled", Domain = Domain };
        f.Input.Add("x");
        f.Output.Add("y");
        f.AttributeProto.Add(new AttributeProto { Name = "k", Type = AttributeProto.Types.AttributeType.Int, I = 7 });
        f.Node.Add(Node("Relu", ["x"], ["y"], "r", null,
            new AttributeProto { Name = "factor", RefAttrName = "k", Type = AttributeProto.Types.AttributeType.Int },
            new AttributeProto { Name = "gone", RefAttrName = "absent", Type = AttributeProto.Types.AttributeType.Int }));
        var b = Registry.ToBuilder();
        b.Define("Relu", 14).Input("X", "T").Output("Y", "T").Constraint("T", "tensor(float)").AllowUnknownAttributes();
        var graph = Graph("g", [Tensor("x", Float, 3)], [Tensor("z", Float, 3)],
            Node("Scaled", ["x"], ["y"], "c1", Domain, IntAttribute("k", 3)),
            Node("Scaled", ["y"], ["z"], "c2", Domain));

        var result = OnnxImportHelper.Import(WithDomain(Model(graph, 14, f)), b.Build());

        Assert.That(result.Diagnostics, Is.Empty, result.Describe());
        var ops = Ops(result.Model!.Graph);
        Assert.That(ops[0].Attributes.GetInt("factor", -1), Is.EqualTo(3));
        Assert.That(ops[1].Attributes.GetInt("factor", -1), Is.EqualTo(7));
        Assert.That(ops[0].Attributes.ContainsKey("gone"), Is.False);
    }

    [Test]
    public void Import_NestedFunctionCalls_InlineIteratively()
    {
        var quad = new FunctionProto { Name = "QuadRelu", Domain = Domain };
        quad.Input.Add("a");
        quad.Output.Add("b");
        quad.Node.Add(Node("DoubleRelu", ["a"], ["m"], "d1", Domain));
        quad.Node.Add(Node("DoubleRelu", ["m"], ["b"], "d2", Domain));
        quad.OpsetImport.Add(new OperatorSetIdProto { Domain = Domain, Version = 1 });
        var graph = Graph("g", [Tensor("x", Float, 3)], [Tensor("y", Float, 3)],
            Node("QuadRelu", ["x"], ["y"], "q", Domain));

        var result = OnnxImportHelper.Import(WithDomain(Model(graph, 14, quad, DoubleRelu())));

        Assert.That(result.Diagnostics, Is.Empty, result.Describe());
        var g = result.Model!.Graph;
        Assert.That(Ops(g), Has.Count.EqualTo(4));
        Assert.That(g.NodeNameOf(Ops(g)[3]), Is.EqualTo("q/d2/inner2"));
    }

    [Test]
    public void Import_RecursiveFunction_ReportsHALO1011()
    {
        var f = new FunctionProto { Name = "Forever", Domain = Domain };
        f.Input.Add("x");
        f.Output.Add("y");
        f.Node.Add(Node("Forever", ["x"], ["y"], "again", Domain));
        var graph = Graph("g", [Tensor("x", Float, 3)], [Tensor("y", Float, 3)],
            Node("Forever", ["x"], ["y"], "call", Domain));

        var result = OnnxImportHelper.Import(WithDomain(Model(graph, 14, f)));

        Assert.That(result.WithId("HALO1011").Single().Message, Does.Contain("'Forever'").And.Contain("calls itself"));
    }

    [Test]
    public void Import_FunctionCallWithTooManyInputs_ReportsHALO1011()
    {
        var graph = Graph("g", [Tensor("x", Float, 3)], [Tensor("y", Float, 3)],
            Node("DoubleRelu", ["x", "x"], ["y"], "call", Domain));

        var result = OnnxImportHelper.Import(WithDomain(Model(graph, 14, DoubleRelu())));

        Assert.That(result.WithId("HALO1011").Single().Message, Does.Contain("takes 1 inputs"));
    }

    [Test]
    public void Import_FunctionBodyWithSubgraph_RenamesCapturedInternalValues()
    {
        var then = Graph("then", [], [Untyped("r")], Node("Relu", ["t"], ["r"], "in_then"));
        var f = new FunctionProto { Name = "Branchy", Domain = Domain };
        f.Input.AddRange(["c", "x"]);
        f.Output.Add("y");
        f.Node.Add(Node("Relu", ["x"], ["t"], "pre"));
        f.Node.Add(Node("If", ["c"], ["y"], "if", null, GraphAttribute("then_branch", then), GraphAttribute("else_branch", then)));
        var graph = Graph("g", [Tensor("c", 9), Tensor("x", Float, 3)], [Untyped("y")],
            Node("Branchy", ["c", "x"], ["y"], "call", Domain));

        var result = OnnxImportHelper.Import(WithDomain(Model(graph, 14, f)));

        Assert.That(result.Diagnostics, Is.Empty, result.Describe());
        var ifOp = (GreenOp)result.Model!.Graph.Outputs[0].Producer!;
        var capture = ifOp.Attributes["then_branch"].AsGraph().TopologicalOrder.OfType<GreenCapture>().Single();
        Assert.That(capture.OuterName, Is.Not.EqualTo("t").And.StartsWith("t"));
        Assert.That(capture.Type.ToString(), Is.EqualTo("f32[3]"));
    }

    [Test]
    public void Import_FunctionWithOwnOpset_ResolvesBodyAndItsSubgraphsAtFunctionOpset()
    {
        var then = Graph("then", [], [Untyped("r")], Node("Relu", ["t"], ["r"], "in_then"));
        var f = new FunctionProto { Name = "Old", Domain = Domain };
        f.Input.AddRange(["c", "x"]);
        f.Output.Add("y");
        f.Node.Add(Node("Relu", ["x"], ["t"], "pre"));
        f.Node.Add(Node("If", ["c"], ["y"], "if", null, GraphAttribute("then_branch", then), GraphAttribute("else_branch", then)));
        f.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        var graph = Graph("g", [Tensor("c", 9), Tensor("x", Float, 3)], [Untyped("y")],
            Node("Old", ["c", "x"], ["y"], "call", Domain),
            Node("Relu", ["x"], ["unused"], "outside"));

        var result = OnnxImportHelper.Import(WithDomain(Model(graph, 14, f)));

        Assert.That(result.Diagnostics, Is.Empty, result.Describe());
        var ifOp = (GreenOp)result.Model!.Graph.Outputs[0].Producer!;
        var inner = ifOp.Attributes["then_branch"].AsGraph().TopologicalOrder.OfType<GreenOp>().Single();
        Assert.That(ifOp.Operator.SinceVersion, Is.EqualTo(13));
        Assert.That(inner.Operator.SinceVersion, Is.EqualTo(13));
    }
}
