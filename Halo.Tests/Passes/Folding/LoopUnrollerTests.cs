using Halo.Core.Compilation;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;
using Halo.Passes.Folding;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Halo.Tests.Passes.Folding;

[TestFixture]
public sealed class LoopUnrollerTests
{
    private static readonly Dictionary<string, long> s_opset = new() { [""] = 17 };
    private static readonly TensorType s_f2 = TensorType.Of(ElementType.Float, 2);

    private static Graph Fold(Graph graph)
    {
        var services = new ServiceCollection();
        services.AddHalo(h => h.AddStandardPasses());
        var pipeline = services.BuildServiceProvider().GetRequiredService<CompilationPipeline>();
        var compilation = pipeline.CreateCompilation(new HaloModel(graph), options: null);
        Assert.That(compilation.GetDiagnostics(), Is.Empty);
        return compilation.GetModel()!.Graph;
    }

    /// <summary>acc, scan = Loop(M, true, x): body acc' = acc + k (k captured), scan = acc; outputs the final acc and the scan.</summary>
    private static Graph AccumulatingLoop(long tripCount)
    {
        var body = new GraphBuilder(opsets: s_opset);
        body.AddInput("i", TensorType.Of(ElementType.Int64));
        var cond = body.AddInput("cond_in", TensorType.Of(ElementType.Bool));
        var acc = body.AddInput("acc", s_f2);
        body.AddOutput(body.AddOp("Identity", cond), "cond_out");
        body.AddOutput(body.AddOp("Add", acc, body.AddCapture("k", s_f2)), "acc_out");
        body.AddOutput(body.AddOp("Identity", acc), "scan_out");
        var b = new GraphBuilder(opsets: s_opset);
        var x = b.AddInput("x", s_f2);
        var k = b.Named(b.AddOp("Neg", x), "k");
        var m = b.AddConstant("m", TensorData.FromInt64s([tripCount]));
        var run = b.AddConstant("run", TensorData.Create<bool>(ElementType.Bool, [true]));
        var attrs = AttributeMap.Create(new Dictionary<string, AttributeValue> { ["body"] = AttributeValue.FromGraph(body.Build("body")) });
        var outputs = b.AddOp("Loop", [m, run, x], attrs, 2);
        var loop = ((GreenOp)outputs[0].Producer!).WithImplicitInputs([k]);
        return Graph.Create("g", b.Build().Inputs, [b.Named(loop.Output(0), "final"), b.Named(loop.Output(1), "scan")], b.Build().ValueNames);
    }

    [Test]
    public void Fold_LoopWithConstantTripCount_UnrollsAndKeepsResults()
    {
        var graph = AccumulatingLoop(3);

        var folded = Fold(graph);

        Assert.That(folded.TopologicalOrder.OfType<GreenOp>().Select(o => o.Operator.Name), Does.Not.Contain("Loop"));
        Assert.That(folded.Outputs[1].Producer!.OutputTypes[0], Is.EqualTo(TensorType.Of(ElementType.Float, 3, 2)));
        var input = new TensorValue(TensorData.FromFloats([1f, -2f], 2));
        var before = ReferenceEvaluator.Default.Evaluate(graph, [input]);
        var after = ReferenceEvaluator.Default.Evaluate(folded, [input]);
        Assert.That(ValueComparison.Compare(before[0], after[0], 0, 0), Is.Null);
        Assert.That(ValueComparison.Compare(before[1], after[1], 0, 0), Is.Null);
    }

    [Test]
    public void Fold_LoopLongerThanTheUnrollLimit_StaysALoop()
    {
        var folded = Fold(AccumulatingLoop(LoopUnroller.MaxIterations + 1));

        Assert.That(folded.TopologicalOrder.OfType<GreenOp>().Select(o => o.Operator.Name), Does.Contain("Loop"));
    }
}
