using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Passes.Extraction;
using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Passes.Extraction;

[TestFixture]
public sealed class ExtractSubgraphTests
{
    /// <summary>x → Relu a → Sigmoid b → Tanh c (output), and x → Exp d (output).</summary>
    private static Graph Chain()
    {
        var b = new GraphBuilder(opsets: PassTestSupport.Opset17);
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 2, 3));
        var a = b.Named(b.AddOp("Relu", x), "a");
        var s = b.Named(b.AddOp("Sigmoid", a), "b");
        b.AddOutput(b.AddOp("Tanh", s), "c");
        b.AddOutput(b.AddOp("Exp", x), "d");
        return b.Build();
    }

    [Test]
    public void Extract_InputsAndOutputs_KeepsOnlyTheComputationBetweenThem()
    {
        var graph = Chain();

        var after = PassTestSupport.Run(new ExtractSubgraph(new SubgraphOptions { Inputs = ["a"], Outputs = ["c"] }), graph);

        Assert.That(after.Inputs.Select(i => after.NameOf(i.Output(0))), Is.EqualTo(new[] { "a" }));
        Assert.That(after.Inputs[0].Type.ToString(), Is.EqualTo("f32[2,3]"));
        Assert.That(after.Outputs.Select(after.NameOf), Is.EqualTo(new[] { "c" }));
        Assert.That(after.TopologicalOrder.OfType<GreenOp>().Select(o => o.Operator.Name), Is.EqualTo(new[] { "Sigmoid", "Tanh" }));
        PassTestSupport.AssertVerifies(after);
        AssertMatchesOriginal(graph, after);
    }

    [Test]
    public void Extract_OutputsOnly_DropsDeadNodesAndKeepsNeededInputs()
    {
        var graph = Chain();

        var after = PassTestSupport.Run(new ExtractSubgraph(new SubgraphOptions { Outputs = ["d"] }), graph);

        Assert.That(after.TopologicalOrder.OfType<GreenOp>().Select(o => o.Operator.Name), Is.EqualTo(new[] { "Exp" }));
        Assert.That(after.ValueNames.Values, Is.EquivalentTo(new[] { "x", "d" }));
        AssertMatchesOriginal(graph, after);
    }

    [Test]
    public void Extract_OperationNodeName_SelectsItsResult()
    {
        var b = new GraphBuilder(opsets: PassTestSupport.Opset17);
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 4));
        var s = b.AddOp("Sigmoid", [x], nodeName: "sigmoid_node")[0];
        b.AddOutput(b.AddOp("Neg", s), "y");
        var graph = b.Build();

        var after = PassTestSupport.Run(new ExtractSubgraph(new SubgraphOptions { Outputs = ["sigmoid_node"] }), graph);

        Assert.That(after.TopologicalOrder.OfType<GreenOp>().Select(o => o.Operator.Name), Is.EqualTo(new[] { "Sigmoid" }));
        Assert.That(after.NameOf(after.Outputs[0]), Is.EqualTo("sigmoid_node"));
        Assert.That(PassTestSupport.Execute(after, PassTestSupport.RandomInputs(after)).Keys, Is.EqualTo(new[] { "sigmoid_node" }));
    }

    [Test]
    public void Extract_NoNames_ReturnsSameModel()
    {
        var model = new HaloModel(Chain());

        Assert.That(PassTestSupport.Run(new ExtractSubgraph(new SubgraphOptions()), model, out _), Is.SameAs(model));
    }

    [Test]
    public void Extract_UnknownNames_ReportsHALO3110ForEachAndKeepsModel()
    {
        var model = new HaloModel(Chain());

        var after = PassTestSupport.Run(new ExtractSubgraph(new SubgraphOptions { Inputs = ["zz"], Outputs = ["c", "yy"] }), model, out var diagnostics);

        Assert.That(after, Is.SameAs(model));
        Assert.That(diagnostics.ToImmutable().Select(d => d.Id), Is.EqualTo(new[] { "HALO3110", "HALO3110" }));
        Assert.That(diagnostics.ToImmutable()[0].Message, Does.Contain("'zz'").And.Contain("--inputs"));
    }

    [Test]
    [Category("Slow")]
    public void Extract_Resnet18MiddleSection_MatchesTheFullModelsValues()
    {
        var model = PassTestSupport.LoadTorchvision("resnet18");
        var graph = model.Graph;
        var named = graph.TopologicalOrder.OfType<GreenOp>().Select(o => graph.NameOf(o.Output(0))).OfType<string>().ToList();
        string from = named[10], to = named[25];

        var after = PassTestSupport.Run(new ExtractSubgraph(new SubgraphOptions { Inputs = [from], Outputs = [to] }), graph);

        Assert.That(after.TopologicalOrder.OfType<GreenOp>().Count(), Is.LessThan(graph.TopologicalOrder.OfType<GreenOp>().Count() / 2));
        AssertMatchesOriginal(graph, after);
    }

    /// <summary>Runs the original with the extracted graph's inputs and outputs exposed, feeds the extracted graph
    /// those input values, and compares the outputs.</summary>
    private static void AssertMatchesOriginal(Graph original, Graph extracted)
    {
        var byName = original.ValueNames.ToDictionary(kv => kv.Value, kv => kv.Key);
        var exposed = extracted.Inputs.Select(i => byName[extracted.NameOf(i.Output(0))!])
            .Concat(extracted.Outputs.Select(o => byName[extracted.NameOf(o)!])).Distinct().ToList();
        var probe = original.WithOutputs([.. exposed]);
        var values = PassTestSupport.Execute(probe, PassTestSupport.RandomInputs(original));
        var feeds = extracted.Inputs.Select(i => extracted.NameOf(i.Output(0))!).ToDictionary(n => n, n => values[n]);
        var actual = PassTestSupport.Execute(extracted, feeds);
        foreach (var (name, tensor) in actual)
        {
            TensorAssert.AllClose(values[name], tensor, PassTestSupport.Rtol, PassTestSupport.Atol, name);
        }
        Assert.That(actual, Is.Not.Empty);
    }
}
