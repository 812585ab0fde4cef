using NUnit.Framework;
using static Halo.Tests.Frontends.Onnx.OnnxTestModels;

namespace Halo.Tests.Frontends.Onnx;

/// <summary>Graph structure: node order, cycles, undefined and duplicate values.</summary>
[TestFixture]
public sealed class OnnxGraphStructureTests
{
    [Test]
    public void Import_Cycle_ReportsHALO2006NamingValueOnCycle()
    {
        var graph = Graph("g", [Tensor("x", Float, 3)], [Tensor("z", Float, 3)],
            Node("Add", ["x", "b"], ["a"], "n1"),
            Node("Relu", ["a"], ["b"], "n2"),
            Node("Relu", ["b"], ["z"], "n3"));

        var result = OnnxImportHelper.Import(Model(graph));

        var cycle = result.WithId("HALO2006").Single();
        Assert.That(cycle.Message, Does.Contain("'a'").Or.Contain("'b'"));
        Assert.That(result.Ids(), Does.Not.Contain("HALO1005"));
    }

    [Test]
    public void Import_SelfLoop_ReportsHALO2006()
    {
        var graph = Graph("g", [Tensor("x", Float, 3)], [Tensor("a", Float, 3)],
            Node("Add", ["x", "a"], ["a"], "n1"));

        var result = OnnxImportHelper.Import(Model(graph));

        Assert.That(result.WithId("HALO2006").Single().Message, Does.Contain("'a'"));
    }

    [Test]
    public void Import_UndefinedValue_ReportsHALO1005()
    {
        var graph = Graph("g", [Tensor("x", Float, 3)], [Tensor("y", Float, 3)],
            Node("Add", ["x", "ghost"], ["y"], "add"));

        var result = OnnxImportHelper.Import(Model(graph));

        var d = result.WithId("HALO1005").Single();
        Assert.That(d.Message, Does.Contain("'ghost'"));
        Assert.That(d.Location.NodeName, Is.EqualTo("add"));
    }

    [Test]
    public void Import_UndefinedGraphOutput_ReportsHALO1005()
    {
        var graph = Graph("g", [Tensor("x", Float, 3)], [Tensor("nowhere", Float, 3)]);

        var result = OnnxImportHelper.Import(Model(graph));

        Assert.That(result.WithId("HALO1005").Single().Message, Does.Contain("'nowhere'"));
    }

    [Test]
    public void Import_TwoNodesDefineSameValue_ReportsHALO1006()
    {
        var graph = Graph("g", [Tensor("x", Float, 3)], [Tensor("y", Float, 3)],
            Node("Relu", ["x"], ["y"], "a"),
            Node("Relu", ["x"], ["y"], "b"));

        var result = OnnxImportHelper.Import(Model(graph));

        Assert.That(result.WithId("HALO1006").Single().Message, Does.Contain("'y'"));
    }

    [Test]
    public void Import_NodeRedefinesInput_ReportsHALO1006()
    {
        var graph = Graph("g", [Tensor("x", Float, 3)], [Tensor("x", Float, 3)],
            Node("Relu", ["x"], ["x"], "a"));

        var result = OnnxImportHelper.Import(Model(graph));

        Assert.That(result.Ids(), Does.Contain("HALO1006"));
    }

    [Test]
    public void Import_LongChainInReverseFileOrder_SortsWithoutRecursion()
    {
        const int length = 20_000;
        var nodes = Enumerable.Range(0, length).Reverse()
            .Select(i => Node("Relu", [i == 0 ? "x" : "v" + (i - 1)], [i == length - 1 ? "y" : "v" + i], "n" + i)).ToArray();
        var graph = Graph("chain", [Tensor("x", Float, 8)], [Tensor("y", Float, 8)], nodes);

        var result = OnnxImportHelper.Import(Model(graph));

        Assert.That(result.Diagnostics, Is.Empty, result.Describe());
        Assert.That(result.Model!.Graph.TopologicalOrder, Has.Length.EqualTo(length + 1));
    }

    [Test]
    public void Import_NodesOutOfOrder_SortsProducersFirst()
    {
        var graph = Graph("g", [Tensor("x", Float, 3)], [Tensor("z", Float, 3)],
            Node("Relu", ["y"], ["z"], "second"),
            Node("Relu", ["x"], ["y"], "first"));

        var result = OnnxImportHelper.Import(Model(graph));

        Assert.That(result.Diagnostics, Is.Empty, result.Describe());
        var order = result.Model!.Graph.Nodes.Select(n => n.Graph.NodeNameOf(n.Green)).ToList();
        Assert.That(order, Is.EqualTo(new[] { null, "first", "second" }));
    }
}
