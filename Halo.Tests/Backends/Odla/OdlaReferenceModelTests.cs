using Halo.Backends.Odla;
using Halo.Cli.Execution;
using Halo.Core.Compilation;
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
    public void Run_TensorFlowMnist_MatchesReferenceOutputs(OdlaTarget target)
    {
        var executor = new OdlaExecutor(s_pipeline.Value.Registry, new OdlaBuildSettings { Target = target });

        string? failure = BackendTestCase.Run(Path.Combine(RepositoryPaths.Corpora, "tf", "mnist_simple"), s_pipeline.Value, executor,
            rtol: 1e-3, atol: 1e-4);

        Assert.That(failure, Is.Null);
    }
}
