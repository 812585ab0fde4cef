using Halo.Core.Compilation;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Halo.Tests.Passes.Folding;

[TestFixture]
public sealed class ScanUnrollerTests
{
    private static readonly Dictionary<string, long> s_opset = new() { [""] = 17 };
    private static readonly TensorType s_f2 = TensorType.Of(ElementType.Float, 2);

    /// <summary>final, partial = Scan(init, xs): body sum' = sum + x_t, scan output sum' (a running sum over xs' rows).</summary>
    private static Graph RunningSum(long direction)
    {
        var body = new GraphBuilder(opsets: s_opset);
        var sum = body.AddInput("sum", s_f2);
        var row = body.AddInput("row", s_f2);
        var next = body.AddOp("Add", sum, row);
        body.AddOutput(next, "sum_out");
        body.AddOutput(body.AddOp("Identity", next), "partial");
        var b = new GraphBuilder(opsets: s_opset);
        var init = b.AddInput("init", s_f2);
        var xs = b.AddInput("xs", TensorType.Of(ElementType.Float, 3, 2));
        var attrs = AttributeMap.Create(new Dictionary<string, AttributeValue>
        {
            ["body"] = AttributeValue.FromGraph(body.Build("body")),
            ["num_scan_inputs"] = AttributeValue.FromInt(1),
            ["scan_input_directions"] = AttributeValue.FromInts([direction]),
        });
        var outputs = b.AddOp("Scan", [init, xs], attrs, 2);
        b.AddOutput(outputs[0], "final");
        b.AddOutput(outputs[1], "partial");
        return b.Build("g");
    }

    [TestCase(0)]
    [TestCase(1)]
    public void Fold_ScanOverAStaticAxis_UnrollsAndKeepsResults(long direction)
    {
        var graph = RunningSum(direction);
        var services = new ServiceCollection();
        services.AddHalo(h => h.AddStandardPasses());
        var compilation = services.BuildServiceProvider().GetRequiredService<CompilationPipeline>().CreateCompilation(new HaloModel(graph), options: null);

        var folded = compilation.GetModel()!.Graph;

        Assert.That(compilation.GetDiagnostics(), Is.Empty);
        Assert.That(folded.TopologicalOrder.OfType<GreenOp>().Select(o => o.Operator.Name), Does.Not.Contain("Scan"));
        var inputs = new RuntimeValue[]
        {
            new TensorValue(TensorData.FromFloats([0.5f, -1f], 2)),
            new TensorValue(TensorData.FromFloats([1f, 2f, 3f, 4f, 5f, 6f], 3, 2)),
        };
        var before = ReferenceEvaluator.Default.Evaluate(graph, inputs);
        var after = ReferenceEvaluator.Default.Evaluate(folded, inputs);
        Assert.That(ValueComparison.Compare(before[0], after[0], 0, 0), Is.Null);
        Assert.That(ValueComparison.Compare(before[1], after[1], 0, 0), Is.Null);
    }
}
