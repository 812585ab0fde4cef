using System.Collections.Immutable;
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
public sealed class IfInlinerTests
{
    private static readonly Dictionary<string, long> s_opset = new() { [""] = 17 };
    private static readonly TensorType s_f2 = TensorType.Of(ElementType.Float, 2);

    private static HaloCompilation Compile(Graph graph)
    {
        var services = new ServiceCollection();
        services.AddHalo(h => h.AddStandardPasses());
        var pipeline = services.BuildServiceProvider().GetRequiredService<CompilationPipeline>();
        return pipeline.CreateCompilation(new HaloModel(graph), options: null);
    }

    /// <summary>y = If(cond) then Relu(hidden) else Abs(hidden), hidden = Neg(x) captured by both branches.</summary>
    private static Graph IfGraph(ValueRef? constantCondition)
    {
        var thenBranch = new GraphBuilder(opsets: s_opset);
        thenBranch.AddOutput(thenBranch.AddOp("Relu", thenBranch.AddCapture("hidden", s_f2)), "then_out");
        var elseBranch = new GraphBuilder(opsets: s_opset);
        elseBranch.AddOutput(elseBranch.AddOp("Abs", elseBranch.AddCapture("hidden", s_f2)), "else_out");
        var b = new GraphBuilder(opsets: s_opset);
        var x = b.AddInput("x", s_f2);
        var cond = constantCondition is { } c ? b.Named(c, "cond") : b.AddInput("cond", TensorType.Of(ElementType.Bool));
        var hidden = b.Named(b.AddOp("Neg", x), "hidden");
        var attrs = AttributeMap.Create(new Dictionary<string, AttributeValue>
        {
            ["then_branch"] = AttributeValue.FromGraph(thenBranch.Build("then")),
            ["else_branch"] = AttributeValue.FromGraph(elseBranch.Build("else")),
        });
        var ifOp = ((GreenOp)b.AddOp("If", ImmutableArray.Create(cond), attrs, 1)[0].Producer!).WithImplicitInputs([hidden]);
        var built = b.Build();
        return Graph.Create("g", built.Inputs, [b.Named(ifOp.Output(0), "y")], b.Build().ValueNames);
    }

    [TestCase(true, "Relu")]
    [TestCase(false, "Abs")]
    public void Fold_IfWithConstantCondition_InlinesTheTakenBranch(bool condition, string expectedOperator)
    {
        var graph = IfGraph(new GreenConstant(TensorData.Create<bool>(ElementType.Bool, [condition])).Output(0));

        var compilation = Compile(graph);
        var folded = compilation.GetModel()!.Graph;

        Assert.That(compilation.GetDiagnostics(), Is.Empty);
        Assert.That(folded.TopologicalOrder.OfType<GreenOp>().Select(o => o.Operator.Name), Is.EqualTo(new[] { "Neg", expectedOperator }));
        var input = new TensorValue(TensorData.FromFloats([1.5f, -2f], 2));
        var before = ReferenceEvaluator.Default.Evaluate(graph, [input]);
        var after = ReferenceEvaluator.Default.Evaluate(folded, [input]);
        Assert.That(ValueComparison.Compare(before[0], after[0], 0, 0), Is.Null);
    }

    [Test]
    public void Fold_IfWithInputCondition_KeepsTheIf()
    {
        var graph = IfGraph(constantCondition: null);

        var folded = Compile(graph).GetModel()!.Graph;

        Assert.That(folded.TopologicalOrder.OfType<GreenOp>().Select(o => o.Operator.Name), Does.Contain("If"));
    }

    [Test]
    public void Fold_BranchComputesOnConstants_FoldsTheInlinedOperations()
    {
        // then: Add(capture k, 1) with k a constant outer value: inlining leaves one constant.
        var thenBranch = new GraphBuilder(opsets: s_opset);
        var one = thenBranch.AddConstant("one", TensorData.FromFloats([1f, 1f], 2));
        thenBranch.AddOutput(thenBranch.AddOp("Add", thenBranch.AddCapture("k", s_f2), one), "sum");
        var b = new GraphBuilder(opsets: s_opset);
        var k = b.AddConstant("k", TensorData.FromFloats([2f, 3f], 2));
        var cond = b.AddConstant("cond", TensorData.Create<bool>(ElementType.Bool, [true]));
        var attrs = AttributeMap.Create(new Dictionary<string, AttributeValue>
        {
            ["then_branch"] = AttributeValue.FromGraph(thenBranch.Build("then")),
            ["else_branch"] = AttributeValue.FromGraph(thenBranch.Build("else")),
        });
        var ifOp = ((GreenOp)b.AddOp("If", ImmutableArray.Create(cond), attrs, 1)[0].Producer!).WithImplicitInputs([k]);
        var graph = Graph.Create("g", [], [b.Named(ifOp.Output(0), "y")], b.Build().ValueNames);

        var folded = Compile(graph).GetModel()!.Graph;

        Assert.That(folded.Outputs[0].Producer, Is.InstanceOf<GreenConstant>());
        Assert.That(((GreenConstant)folded.Outputs[0].Producer!).Data!.AsSpan<float>().ToArray(), Is.EqualTo(new[] { 3f, 4f }));
    }
}
