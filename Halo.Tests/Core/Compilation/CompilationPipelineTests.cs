using NUnit.Framework;
using System.Collections.Immutable;
using Halo.Core.Compilation;
using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Halo.Tests.Core.Compilation;

[TestFixture]
public sealed class CompilationPipelineTests
{
    /// <summary>A user's own pass, as a NuGet consumer would write it: Relu(Relu(x)) => Relu(x).</summary>
    private sealed class CollapseDoubleRelu : IGraphPass
    {
        public string Name => "collapse-double-relu";

        public PassStage Stage => PassStage.Optimize;

        public HaloModel Run(HaloModel model, PassContext context) => model.WithGraph(new Rewriter().Rewrite(model.Graph));

        private sealed class Rewriter : GraphRewriter
        {
            protected override ImmutableArray<ValueRef> RewriteNode(Node original, GreenNode updated) =>
                updated is GreenOp { Operator.Name: "Relu" } outer && outer.Inputs[0].Producer is GreenOp { Operator.Name: "Relu" }
                    ? [outer.Inputs[0]] : default;
        }
    }

    private sealed class ThrowingPass : IGraphPass
    {
        public string Name => "throwing";

        public PassStage Stage => PassStage.Canonicalize;

        public HaloModel Run(HaloModel model, PassContext context) => throw new InvalidOperationException("boom");
    }

    private static (HaloModel Model, GreenNode Add) BuildModel()
    {
        var b = new GraphBuilder(TestOperators.Registry);
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 4));
        var add = b.AddOp("Add", x, x);
        var r = b.AddOp("Relu", b.AddOp("Relu", add));
        b.AddOutput(b.AddOp("Mul", r, add), "y");
        return (new HaloModel(b.Build()), add.Producer!);
    }

    private static CompilationPipeline CreatePipeline(Action<IHaloBuilder> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TestOperators.Registry);
        services.AddHalo(configure);
        return services.BuildServiceProvider().GetRequiredService<CompilationPipeline>();
    }

    [Test]
    public void AddPass_UserPassThroughDI_RunsAndSharesUntouchedNodes()
    {
        var pipeline = CreatePipeline(h => h.AddPass<CollapseDoubleRelu>().AddPass<CollapseDoubleRelu>());
        var (model, add) = BuildModel();

        var compilation = pipeline.CreateCompilation(model, options: null);
        var result = compilation.GetModel();

        Assert.That(pipeline.Passes, Has.Length.EqualTo(1), "registration is idempotent");
        Assert.That(compilation.GetDiagnostics(), Is.Empty);
        var ops = result!.Graph.TopologicalOrder.OfType<GreenOp>().Select(o => o.Operator.Name).ToList();
        Assert.That(ops, Is.EqualTo(new[] { "Add", "Relu", "Mul" }));
        Assert.That(result.Graph.TopologicalOrder, Does.Contain(add), "the Add node is shared, not copied");
        Assert.That(model.Graph.TopologicalOrder.OfType<GreenOp>().Count(), Is.EqualTo(4), "the input model is unchanged");
        Assert.That(compilation.GetTimings().Select(t => t.Step), Does.Contain("collapse-double-relu"));
    }

    [Test]
    public void Compilation_WithAndRemove_ReturnNewOrSameInstances()
    {
        var pipeline = CreatePipeline(h => h.AddPass<CollapseDoubleRelu>());
        var c = pipeline.CreateCompilation(BuildModel().Model, options: null);

        Assert.That(c.WithOptions(c.Options), Is.SameAs(c));
        Assert.That(c.RemovePasses("nope"), Is.SameAs(c));
        Assert.That(c.RemovePasses("collapse-double-relu").Passes, Is.Empty);
        Assert.That(c.AddPasses(new ThrowingPass()).Passes, Has.Length.EqualTo(2));
        var first = c.GetModel();
        Assert.That(c.GetModel(), Is.SameAs(first), "results are cached");
    }

    [Test]
    public void Compilation_ThrowingPass_ReportsHALO9001()
    {
        var pipeline = CreatePipeline(h => h.AddPass<ThrowingPass>());

        var diagnostics = pipeline.CreateCompilation(BuildModel().Model, options: null).GetDiagnostics();

        Assert.That(diagnostics.Single().Id, Is.EqualTo("HALO9001"));
        Assert.That(diagnostics.Single().Message, Does.Contain("boom"));
    }

    [Test]
    public void Compilation_NoImporterForFile_ReportsHALO1000()
    {
        var pipeline = new CompilationPipeline([], [], TestOperators.Registry);

        var compilation = pipeline.CreateCompilation("model.unknown", options: null);

        Assert.That(compilation.GetDiagnostics().Single().Id, Is.EqualTo("HALO1000"));
        Assert.That(compilation.GetModel(), Is.Null);
    }
}
