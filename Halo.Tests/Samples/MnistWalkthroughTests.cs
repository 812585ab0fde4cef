using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Samples;

/// <summary>The README's main command, step by step: the TensorFlow MNIST model compiled to ODLA C++, built with
/// <c>samples/mnist/main.cc</c> against the reference runtime, run over the 10,000 test images. Its accuracy must
/// equal the interpreter's (9190/10000, the corpus README's figure, asserted by TensorFlowMnistTests).</summary>
[TestFixture]
[Category("Native")]
public sealed class MnistWalkthroughTests
{
    [Test]
    public void MnistSample_CompiledToCxxOnReferenceRuntime_PrintsTheInterpretersAccuracy()
    {
        using var sample = new SampleBuilder();
        string source = Path.Combine(sample.Folder, "mnist_simple.cc");
        SampleBuilder.Compile(Path.Combine(RepositoryPaths.Corpora, "tf", "mnist_simple", "model.pb"),
            "--target", "cxx", "--entry-func-name", "mnist_simple", "-o", source);
        Assert.That(File.ReadAllText(Path.Combine(sample.Folder, "mnist_simple.h")),
            Does.Contain("void mnist_simple(const float x[1 * 784], float out_y[1 * 10]);"));

        string program = sample.BuildExecutable("mnist",
            [source, Path.Combine(RepositoryPaths.Root, "samples", "mnist", "main.cc")],
            [Path.Combine(sample.Folder, "mnist_simple.bin")], "z");
        var (exitCode, output, error) = ProcessRunner.Run(program, [MnistDataSet.TestDirectory]);

        Assert.That(exitCode, Is.Zero, output + error);
        Assert.That(output, Does.Contain("image 0: predicted 7, label 7"));
        Assert.That(output, Does.Contain("Accuracy 9190/10000 (91.90%)"));
    }
}
