using Halo.Cli.Execution;
using Halo.Core.Compilation;
using Halo.Core.IR.Types;
using Halo.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Halo.Tests.Cli.Execution;

[TestFixture]
public sealed class OdlaCaseInputBinderTests
{
    private static CompilationPipeline Pipeline()
    {
        var services = new ServiceCollection();
        services.AddHalo(h => h.AddOnnx().AddStandardPasses());
        return services.BuildServiceProvider().GetRequiredService<CompilationPipeline>();
    }

    private static string Case(string name) => Path.Combine(RepositoryPaths.Corpora, "onnx-node", name);

    [Test]
    public void Bind_FloatScalesOfResize_BindsThemAndTheOutputShapeBecomesStatic()
    {
        var pipeline = Pipeline();
        string dir = Case("test_resize_downsample_scales_linear");
        Assume.That(Directory.Exists(dir), "the onnx-node corpus is not present");
        var imported = pipeline.CreateCompilation(Path.Combine(dir, "model.onnx"), options: null).GetImportedModel()!;

        var bound = OdlaCaseInputBinder.Bind(dir, imported, pipeline);

        Assert.That(bound, Is.Not.Null);
        Assert.That(bound!.Value.KeptInputs, Is.EqualTo(new[] { 0 }), "X stays an input; roi and scales are bound");
        Assert.That(bound.Value.Model.Graph.Outputs[0].Producer!.OutputTypes[0], Is.EqualTo(TensorType.Of(ElementType.Float, 1, 1, 1, 2)));
    }

    [Test]
    public void Bind_InputsOfAnExpandedFunctionWithIfs_ReRunsThePassesWithoutHALO2008()
    {
        var pipeline = Pipeline();
        string dir = Case("test_affine_grid_2d_expanded");
        Assume.That(Directory.Exists(dir), "the onnx-node corpus is not present");
        var imported = pipeline.CreateCompilation(Path.Combine(dir, "model.onnx"), options: null).GetImportedModel()!;

        var bound = OdlaCaseInputBinder.Bind(dir, imported, pipeline);

        Assert.That(bound, Is.Not.Null, "binding the size input and re-running the passes succeeds");
        Assert.That(bound!.Value.Model.Graph.TopologicalOrder.OfType<Halo.Core.IR.Green.GreenOp>().Select(o => o.Operator.Name), Does.Not.Contain("If"),
            "the Ifs on constant conditions are inlined");
    }
}
