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
public sealed class FoldConstantsTests
{
    private static readonly Dictionary<string, long> s_opset = new() { [""] = 17 };

    private static HaloCompilation Compile(Graph graph)
    {
        var services = new ServiceCollection();
        services.AddHalo(h => h.AddStandardPasses());
        var pipeline = services.BuildServiceProvider().GetRequiredService<CompilationPipeline>();
        return pipeline.CreateCompilation(new HaloModel(graph), options: null);
    }

    private static AttributeMap Attrs(string name, AttributeValue value) =>
        AttributeMap.Create(new Dictionary<string, AttributeValue> { [name] = value });

    [Test]
    public void Fold_ShapeGatherConcatReshapeChainOnStaticShapes_FoldsAwayAndKeepsResults()
    {
        // y = Reshape(x, Concat(Gather(Shape(x), 0), [-1])): the shape computation becomes one constant.
        var b = new GraphBuilder(opsets: s_opset);
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 2, 3, 4));
        var shape = b.AddOp("Shape", x);
        var batch = b.AddOp("Gather", [shape, b.AddConstant("zero", TensorData.FromInt64s([0], 1))], Attrs("axis", AttributeValue.FromInt(0)), 1)[0];
        var target = b.AddOp("Concat", [batch, b.AddConstant("rest", TensorData.FromInt64s([-1], 1))], Attrs("axis", AttributeValue.FromInt(0)), 1)[0];
        b.AddOutput(b.AddOp("Relu", b.AddOp("Reshape", x, target)), "y");
        var graph = b.Build();

        var compilation = Compile(graph);
        var folded = compilation.GetModel()!.Graph;

        Assert.That(compilation.GetDiagnostics(), Is.Empty);
        var ops = folded.TopologicalOrder.OfType<GreenOp>().Select(o => o.Operator.Name).ToList();
        Assert.That(ops, Is.EqualTo(new[] { "Reshape", "Relu" }));
        var reshape = folded.TopologicalOrder.OfType<GreenOp>().First();
        Assert.That(TensorValues.ToInt64Array(((GreenConstant)reshape.Inputs[1].Producer!).Data!), Is.EqualTo(new[] { 2L, -1L }));
        var input = new TensorValue(TensorData.FromFloats([.. Enumerable.Range(0, 24).Select(i => i - 12f)], 2, 3, 4));
        var before = ReferenceEvaluator.Default.Evaluate(graph, [input]);
        var after = ReferenceEvaluator.Default.Evaluate(folded, [input]);
        Assert.That(ValueComparison.Compare(before[0], after[0], 0, 0), Is.Null);
    }

    [Test]
    public void Fold_ShapeOperandBecomesConstant_RefinesTheConsumersTypes()
    {
        // Before folding Reshape's target is computed, so y's shape is unknown; folding must re-infer it as [2,12].
        var b = new GraphBuilder(opsets: s_opset);
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 2, 3, 4));
        var batch = b.AddOp("Gather", [b.AddOp("Shape", x), b.AddConstant("zero", TensorData.FromInt64s([0], 1))], Attrs("axis", AttributeValue.FromInt(0)), 1)[0];
        var target = b.AddOp("Concat", [batch, b.AddConstant("rest", TensorData.FromInt64s([-1], 1))], Attrs("axis", AttributeValue.FromInt(0)), 1)[0];
        b.AddOutput(b.AddOp("Relu", b.AddOp("Reshape", x, target)), "y");
        var graph = b.Build();
        Assert.That(graph.Outputs[0].Producer!.OutputTypes[0], Is.Not.EqualTo(TensorType.Of(ElementType.Float, 2, 12)));

        var folded = Compile(graph).GetModel()!.Graph;

        Assert.That(folded.Outputs[0].Producer!.OutputTypes[0], Is.EqualTo(TensorType.Of(ElementType.Float, 2, 12)));
    }

    [Test]
    public void Fold_NoConstantOperandsAndSymbolicShape_ReturnsSameGraph()
    {
        var b = new GraphBuilder(opsets: s_opset);
        var x = b.AddInput("x", new TensorType(ElementType.Float, Shape.Of(Dimension.Symbolic("N"), 3)));
        b.AddOutput(b.AddOp("Shape", x), "s");
        b.AddOutput(b.AddOp("Relu", x), "y");
        var graph = b.Build();

        var result = new FoldConstants().Run(new HaloModel(graph), CreateContext());

        Assert.That(result.Graph, Is.SameAs(graph));
    }

    [Test]
    public void Fold_RandomOperator_IsNotFolded()
    {
        var b = new GraphBuilder(opsets: s_opset);
        var random = b.AddOp("RandomUniform", [], Attrs("shape", AttributeValue.FromInts([2])), 1)[0];
        b.AddOutput(b.AddOp("Relu", random), "y");
        var graph = b.Build();

        var folded = Compile(graph).GetModel()!.Graph;

        Assert.That(folded.TopologicalOrder.OfType<GreenOp>().Select(o => o.Operator.Name), Does.Contain("RandomUniform"));
    }

    [Test]
    public void Fold_ConstantsTheSemanticsReject_WarnsHALO3001AndKeepsTheOperation()
    {
        var b = new GraphBuilder(opsets: s_opset);
        var data = b.AddConstant("data", TensorData.FromFloats([1f, 2f], 2));
        var index = b.AddConstant("index", TensorData.FromInt64s([7], 1));
        b.AddOutput(b.AddOp("Gather", [data, index], nodeName: "bad_gather")[0], "y");

        var compilation = Compile(b.Build());

        var warning = compilation.GetDiagnostics().Single();
        Assert.That(warning.Id, Is.EqualTo("HALO3001"));
        Assert.That(warning.Severity, Is.EqualTo(Halo.Core.Diagnostics.DiagnosticSeverity.Warning));
        Assert.That(compilation.GetModel()!.Graph.TopologicalOrder.OfType<GreenOp>().Single().Operator.Name, Is.EqualTo("Gather"));
    }

    private static PassContext CreateContext()
    {
        var services = new ServiceCollection();
        services.AddHalo(h => h.AddPass<CapturingPass>());
        var pipeline = services.BuildServiceProvider().GetRequiredService<CompilationPipeline>();
        var b = new GraphBuilder();
        b.AddOutput(b.AddInput("x", TensorType.Of(ElementType.Float, 1)));
        pipeline.CreateCompilation(new HaloModel(b.Build()), options: null).GetModel();
        return CapturingPass.Last!;
    }

    /// <summary>Captures a real PassContext (its constructor is internal to the pipeline).</summary>
    private sealed class CapturingPass : IGraphPass
    {
        public static PassContext? Last { get; private set; }

        public string Name => "capture-context";

        public PassStage Stage => PassStage.Canonicalize;

        public HaloModel Run(HaloModel model, PassContext context)
        {
            Last = context;
            return model;
        }
    }
}
