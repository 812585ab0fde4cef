using Google.Protobuf;
using Halo.Core.Compilation;
using Halo.Core.Operators;
using Halo.Frontends.TensorFlow;
using Halo.Frontends.TensorFlow.Protos;
using Halo.Tests.Frontends.Onnx;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using static Halo.Tests.Frontends.TensorFlow.TfGraphs;

namespace Halo.Tests.Frontends.TensorFlow;

/// <summary>Format selection and registration of the TensorFlow importer.</summary>
[TestFixture]
public sealed class TensorFlowImporterTests
{
    private static readonly TensorFlowImporter s_importer = new(OperatorRegistry.Default);

    [Test]
    public void AddTensorFlow_Twice_RegistersOneTensorFlowImporterBesideOnnx()
    {
        var services = new ServiceCollection();
        services.AddHalo(halo => halo.AddOnnx().AddTensorFlow().AddTensorFlow());
        using var provider = services.BuildServiceProvider();

        var importers = provider.GetServices<IModelImporter>().ToList();

        Assert.That(importers.Select(i => i.Format), Is.EqualTo(new[] { "onnx", "tf" }));
        Assert.That(importers[1], Is.InstanceOf<TensorFlowImporter>());
    }

    [Test]
    public void CanImport_GraphDefPb_IsTrueAndOnnxFileIsNot()
    {
        using var dir = new TempDirectory();
        string graphDef = dir.Write("model.pb", Graph(Placeholder("x", Float, 1), Node("Relu", "y", ["x"])).ToByteArray());

        Assert.That(s_importer.CanImport(graphDef), Is.True);
        Assert.That(s_importer.CanImport(dir.File("MODEL.PB")), Is.True, "a missing .pb is claimed so that its import reports it");
        Assert.That(s_importer.CanImport(dir.File("model.onnx")), Is.False);
    }

    [Test]
    public void CanImport_OnnxModelSavedAsPb_IsFalseAndOnnxImportsItWhenForced()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("model.pb", OnnxTestModels.ReluModel());
        var services = new ServiceCollection();
        services.AddHalo(halo => halo.AddOnnx().AddTensorFlow());
        var pipeline = services.BuildServiceProvider().GetRequiredService<CompilationPipeline>();

        var auto = pipeline.CreateCompilation(path, null);
        var forced = pipeline.CreateCompilation(path, HaloCompilationOptions.Default with { Format = "onnx" });

        Assert.That(s_importer.CanImport(path), Is.False);
        Assert.That(auto.GetDiagnostics().Select(d => d.Id), Is.EqualTo(new[] { "HALO1000" }));
        Assert.That(forced.GetDiagnostics(), Is.Empty);
        Assert.That(forced.GetImportedModel(), Is.Not.Null);
    }

    [Test]
    public void Import_Canceled_Throws()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("model.pb", Graph(Placeholder("x", Float, 1), Node("Relu", "y", ["x"])).ToByteArray());
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.That(() => s_importer.Import(path, cancel.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void Import_Model_RecordsOpsetProducerAndSource()
    {
        var graph = Graph(Placeholder("x", Float, 1), Node("Relu", "y", ["x"]));
        graph.Versions = new VersionDef { Producer = 27 };

        var model = TfImport.Model(graph);

        Assert.That(model.OpsetImports[""], Is.EqualTo(18));
        Assert.That(model.Producer, Is.EqualTo("TensorFlow GraphDef (producer 27)"));
        Assert.That(model.SourcePath, Does.EndWith("model.pb"));
    }
}
