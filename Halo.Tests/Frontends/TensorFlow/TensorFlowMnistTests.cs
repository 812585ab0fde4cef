using Halo.Backends.Interpreter;
using Halo.Core.Compilation;
using Halo.Core.IR.Types;
using Halo.Frontends.Onnx;
using Halo.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Halo.Tests.Frontends.TensorFlow;

/// <summary>HALO's TensorFlow MNIST example (<c>tf/mnist_simple</c>): import, the four reference test sets on the
/// interpreter, and the accuracy over the 10,000 MNIST test images.</summary>
[TestFixture]
public sealed class TensorFlowMnistTests
{
    private static readonly Lazy<CompilationPipeline> s_pipeline = new(() =>
    {
        var services = new ServiceCollection();
        services.AddHalo(halo => halo.AddOnnx().AddTensorFlow().AddStandardPasses());
        return services.BuildServiceProvider().GetRequiredService<CompilationPipeline>();
    });

    private static string CaseDirectory => Path.Combine(RepositoryPaths.Corpora, "tf", "mnist_simple");

    private static string ModelPath => Path.Combine(CaseDirectory, "model.pb");

    private static InferenceSession CreateSession()
    {
        var result = InferenceSession.Create(s_pipeline.Value, ModelPath, options: null, CancellationToken.None);
        Assert.That(result.Diagnostics.Where(d => d.IsError), Is.Empty);
        return result.Session!;
    }

    [Test]
    public void Import_MnistSimple_HasSymbolicBatchInputAndSoftmaxOutput()
    {
        var compilation = s_pipeline.Value.CreateCompilation(ModelPath, options: null);
        var model = compilation.GetImportedModel();

        Assert.That(compilation.GetDiagnostics(), Is.Empty);
        var graph = model!.Graph;
        Assert.That(graph.Inputs, Has.Length.EqualTo(1));
        Assert.That(graph.NameOf(graph.Inputs[0].Output(0)), Is.EqualTo("x"));
        var input = (TensorType)graph.Inputs[0].Type;
        Assert.That(input.ElementType, Is.EqualTo(ElementType.Float));
        Assert.That(input.Shape[0].IsSymbolic, Is.True);
        Assert.That(input.Shape[1], Is.EqualTo(Dimension.Of(784)));
        Assert.That(graph.Outputs, Has.Length.EqualTo(1));
        Assert.That(graph.NameOf(graph.Outputs[0]), Is.EqualTo("y"));
        Assert.That(((TensorType)graph.Outputs[0].Type).Shape, Is.EqualTo(Shape.Of(input.Shape[0], 10)));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Run_MnistSimpleTestSet_MatchesReferenceOutput(int set)
    {
        string dir = Path.Combine(CaseDirectory, "test_data_set_" + set);
        var input = OnnxTensorFile.ReadTensor(Path.Combine(dir, "input_0.pb")).Value!.Tensor!;
        var expected = OnnxTensorFile.ReadTensor(Path.Combine(dir, "output_0.pb")).Value!.Tensor!;
        using var session = CreateSession();

        var outputs = session.Run(new Dictionary<string, Tensor> { ["x"] = Tensor.FromTensorData(input) });

        TensorAssert.AllClose(Tensor.FromTensorData(expected), outputs["y"], rtol: 1e-3, atol: 1e-6);
    }

    [Test]
    public void Run_MnistTestImagesInBatches_AccuracyIs9190()
    {
        const int Batch = 1000;
        var mnist = MnistDataSet.LoadTest();
        using var session = CreateSession();
        int correct = 0;
        for (int start = 0; start < mnist.Count; start += Batch)
        {
            int count = Math.Min(Batch, mnist.Count - start);
            var x = Tensor.Create<float>(mnist.Pixels(start, count), count, mnist.ImageSize);
            float[] y = session.Run(new Dictionary<string, Tensor> { ["x"] = x })["y"].ToArray<float>();
            for (int i = 0; i < count; i++)
            {
                var row = y.AsSpan(i * 10, 10);
                correct += row.IndexOf(row.ToArray().Max()) == mnist.Labels[start + i] ? 1 : 0;
            }
        }

        Assert.That(mnist.Count, Is.EqualTo(10_000));
        Assert.That(correct, Is.EqualTo(9190));
    }
}
