using Halo.Backends.Interpreter;
using Halo.Core.Compilation;
using Halo.Core.IR;
using Halo.Core.Semantics;
using Halo.Frontends.TensorFlow.Protos;
using Halo.Tests.Frontends.Onnx;
using Halo.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using static Halo.Tests.Frontends.TensorFlow.TfGraphs;

namespace Halo.Tests.Frontends.TensorFlow;

/// <summary>A small NHWC convolutional classifier as a frozen graph would have it (Conv2D SAME, BiasAdd, Relu6,
/// MaxPool, FusedBatchNorm, Reshape, MatMul, Softmax): through the standard passes on the interpreter it gives the
/// reference semantics' result.</summary>
[TestFixture]
public sealed class TensorFlowSmallCnnTests
{
    private static float[] RandomFloats(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1))];

    private static GraphDef SmallCnn()
    {
        var random = new Random(7);
        return Graph(
            Placeholder("image", Float, -1, 6, 6, 2),
            Const("conv/w", RandomFloats(random, 3 * 3 * 2 * 4), 3, 3, 2, 4),
            Const("conv/b", RandomFloats(random, 4), 4),
            Node("Conv2D", "conv/Conv2D", ["image", "conv/w"], ("padding", Str("SAME")), ("strides", Ints(1, 1, 1, 1))),
            Node("BiasAdd", "conv/BiasAdd", ["conv/Conv2D", "conv/b"]),
            Node("Relu6", "conv/Relu6", ["conv/BiasAdd"]),
            Node("MaxPool", "pool", ["conv/Relu6"], ("ksize", Ints(1, 2, 2, 1)), ("strides", Ints(1, 2, 2, 1)), ("padding", Str("VALID"))),
            Const("bn/scale", [1f, 2f, 0.5f, 1f], 4), Const("bn/offset", [0f, 0.1f, -0.1f, 0f], 4),
            Const("bn/mean", [0.1f, 0.2f, 0.3f, 0.4f], 4), Const("bn/var", [1f, 0.5f, 2f, 1f], 4),
            Node("FusedBatchNormV3", "bn", ["pool", "bn/scale", "bn/offset", "bn/mean", "bn/var"], ("is_training", Bool(false))),
            ConstInts("flat/shape", [-1, 36], 2),
            Node("Reshape", "flat", ["bn", "flat/shape"]),
            Const("fc/w", RandomFloats(random, 36 * 3), 36, 3),
            Node("MatMul", "fc", ["flat", "fc/w"]),
            Node("Softmax", "probs", ["fc"]));
    }

    [Test]
    public void Run_SmallCnnBatchOfTwoOnInterpreter_MatchesReferenceSemantics()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("model.pb", SmallCnn());
        var services = new ServiceCollection();
        services.AddHalo(halo => halo.AddTensorFlow().AddStandardPasses());
        var pipeline = services.BuildServiceProvider().GetRequiredService<CompilationPipeline>();
        float[] pixels = RandomFloats(new Random(11), 2 * 6 * 6 * 2);
        var input = TensorData.FromFloats(pixels, 2, 6, 6, 2);

        var imported = TfImport.Model(SmallCnn());
        var expected = ((TensorValue)ReferenceEvaluator.Default.Evaluate(imported.Graph, [new TensorValue(input)])[0]).Data;
        var session = InferenceSession.Create(pipeline, path, options: null, CancellationToken.None);
        Assert.That(session.Diagnostics.Where(d => d.IsError), Is.Empty);
        using var interpreter = session.Session!;
        var actual = interpreter.Run(new Dictionary<string, Tensor> { ["image"] = Tensor.FromTensorData(input) })["probs"];

        Assert.That(expected.Dimensions, Is.EqualTo(new long[] { 2, 3 }));
        TensorAssert.AllClose(Tensor.FromTensorData(expected), actual, rtol: 1e-4, atol: 1e-5);
    }
}
