using Halo.Backends.Odla;
using Halo.Cli.Execution;
using Halo.Core.Compilation;
using Halo.Core.Diagnostics;
using Halo.Core.Semantics;
using Halo.Passes.Shapes;
using Halo.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Halo.Tests.Backends.Odla;

/// <summary>Whole models through the <c>odla-reference</c> executor: the torchvision models in C++ and C99 and the
/// TensorFlow MNIST model match their reference outputs (rtol 1e-3, atol 1e-4).</summary>
[TestFixture]
[Category("Native")]
public sealed class OdlaReferenceModelTests
{
    private static readonly Lazy<CompilationPipeline> s_pipeline = new(() =>
    {
        var services = new ServiceCollection();
        services.AddHalo(h => h.AddOnnx().AddTensorFlow().AddStandardPasses());
        return services.BuildServiceProvider().GetRequiredService<CompilationPipeline>();
    });

    [TestCase("squeezenet1_1", OdlaTarget.Cxx)]
    [TestCase("squeezenet1_1", OdlaTarget.C)]
    [TestCase("resnet18", OdlaTarget.Cxx)]
    [TestCase("resnet18", OdlaTarget.C)]
    [TestCase("mobilenet_v2", OdlaTarget.Cxx)]
    [TestCase("mobilenet_v2", OdlaTarget.C)]
    [TestCase("shufflenet_v2_x1_0", OdlaTarget.Cxx)]
    [TestCase("shufflenet_v2_x1_0", OdlaTarget.C)]
    public void Run_TorchvisionModel_MatchesReferenceOutput(string model, OdlaTarget target)
    {
        var executor = new OdlaExecutor(s_pipeline.Value.Registry, new OdlaBuildSettings { Target = target });

        string? failure = BackendTestCase.Run(Path.Combine(RepositoryPaths.Corpora, "torchvision", model), s_pipeline.Value, executor,
            rtol: 1e-3, atol: 1e-4);

        Assert.That(failure, Is.Null);
    }

    [TestCase(OdlaTarget.Cxx)]
    [TestCase(OdlaTarget.C)]
    public void Run_TensorFlowMnistWithBatchOne_MatchesReferenceOutputs(OdlaTarget target)
    {
        // The TensorFlow model has a dynamic batch; ODLA code needs it pinned (halo compile --batch-size 1).
        string dir = Path.Combine(RepositoryPaths.Corpora, "tf", "mnist_simple");
        var compilation = s_pipeline.Value.CreateCompilation(Path.Combine(dir, "model.pb"), options: null)
            .AddPasses(new PinInputShapes(new InputShapeOptions { BatchSize = 1 }));
        var model = compilation.GetModel();
        Assert.That(model, Is.Not.Null, string.Join("\n", compilation.GetDiagnostics()));
        var bag = new DiagnosticBag();
        using var prepared = new OdlaExecutor(s_pipeline.Value.Registry, new OdlaBuildSettings { Target = target }).Prepare(model!, bag);
        Assert.That(prepared, Is.Not.Null, string.Join("\n", bag.ToImmutable()));
        var graph = model!.Graph;

        foreach (string set in Directory.GetDirectories(dir, "test_data_set_*").Order(StringComparer.Ordinal))
        {
            var inputs = graph.Inputs.Select((input, i) => LoadedModel.ReadValue(Path.Combine(set, $"input_{i}.pb"), input.Type, bag)!).ToList();
            var expected = graph.Outputs.Select((o, k) => LoadedModel.ReadValue(Path.Combine(set, $"output_{k}.pb"), o.Type, bag)!).ToList();
            Assert.That(bag.HasErrors, Is.False, string.Join("\n", bag.ToImmutable()));

            var actual = prepared!.Run(inputs);

            for (int k = 0; k < expected.Count; k++)
            {
                Assert.That(ValueComparison.Compare(expected[k], actual[k], 1e-3, 1e-4), Is.Null, set);
            }
        }
    }
}
