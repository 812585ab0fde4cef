using Halo.Core.Compilation;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Passes.Extraction;
using Halo.Passes.Fusion;
using Halo.Passes.Layout;
using Halo.Passes.Options;
using Halo.Passes.Shapes;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Halo.Tests.Passes.Options;

[TestFixture]
public sealed class CompilePassesTests
{
    [Test]
    public void Create_DefaultOptions_SelectsNoPass()
    {
        Assert.That(CompilePasses.Create(new CompilePassOptions()), Is.Empty);
    }

    [Test]
    public void Create_EveryOption_OrdersExtractPinFuseLayout()
    {
        var options = new CompilePassOptions
        {
            Subgraph = new SubgraphOptions { Outputs = ["y"] },
            InputShapes = new InputShapeOptions { BatchSize = 1 },
            BiasFusion = new BiasFusionOptions { ConvBias = true },
            DataLayout = new DataLayoutOptions { Target = DataLayout.ChannelLast },
        };

        var passes = CompilePasses.Create(options);

        Assert.That(passes.Select(p => p.Name), Is.EqualTo(new[] { "extract-subgraph", "pin-input-shapes", "fuse-bias", "reorder-data-layout" }));
        Assert.That(passes.Select(p => (int)p.Stage), Is.Ordered);
    }

    [Test]
    public void Create_InputShapeOnExtractedInput_PinsTheNewInput()
    {
        var b = new GraphBuilder(opsets: PassTestSupport.Opset17);
        var x = b.AddInput("x", new TensorType(ElementType.Float, Shape.Of(Dimension.Symbolic("N"), 3)));
        var a = b.Named(b.AddOp("Relu", x), "a");
        b.AddOutput(b.AddOp("Sigmoid", a), "y");
        var options = new CompilePassOptions
        {
            Subgraph = new SubgraphOptions { Inputs = ["a"] },
            InputShapes = new InputShapeOptions { Shapes = [new InputShape("a", [2, 3])] },
        };

        var graph = CompilePasses.Create(options).Aggregate(b.Build(), (g, pass) => PassTestSupport.Run(pass, g));

        Assert.That(graph.Inputs.Single().Type.ToString(), Is.EqualTo("f32[2,3]"));
        Assert.That(graph.Outputs.Single().Type.ToString(), Is.EqualTo("f32[2,3]"));
    }

    [Test]
    public void Create_AllOptionsOnResnet18_CompileAndVerifyAfterTheStandardPasses()
    {
        string path = Path.Combine(Halo.Tests.TestSupport.RepositoryPaths.Corpora, "torchvision", "resnet18", "model.onnx");
        if (!File.Exists(path))
        {
            Assert.Ignore("corpus model missing: " + path);
        }
        var services = new ServiceCollection();
        services.AddHalo(h => h.AddOnnx().AddStandardPasses());
        var pipeline = services.BuildServiceProvider().GetRequiredService<CompilationPipeline>();
        var options = new CompilePassOptions
        {
            InputShapes = new InputShapeOptions { BatchSize = 2 },
            BiasFusion = new BiasFusionOptions { ConvBias = true, MatMulBias = true },
            DataLayout = new DataLayoutOptions { Target = DataLayout.ChannelLast, RemoveInputTranspose = true },
        };

        var compilation = pipeline.CreateCompilation(path, options: null).AddPasses([.. CompilePasses.Create(options)]);
        var model = compilation.GetModel();

        Assert.That(compilation.GetDiagnostics(), Is.Empty);
        Assert.That(compilation.Passes.Select(p => p.Name), Is.EqualTo(new[] { "fold-constants", "pin-input-shapes", "fuse-bias", "reorder-data-layout" }));
        Assert.That(model!.Graph.Inputs.Single().Type.ToString(), Is.EqualTo("f32[2,224,224,3]"));
        Assert.That(model.OpsetImports["ai.halo"], Is.EqualTo(1));
    }
}
