using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Samples;

/// <summary><c>samples/classification</c>: a torchvision model compiled to C++ and to C, built with the sample's
/// main.cc, run on the corpus test input; the program prints the top-5 classes and checks them and the logits
/// against the reference output (exit code 0 only when they agree).</summary>
[TestFixture]
[Category("Native")]
public sealed class ClassificationSampleTests
{
    [TestCase("squeezenet1_1", "cxx")]
    [TestCase("squeezenet1_1", "cc")]
    [TestCase("mobilenet_v2", "cc")]
    public void ClassificationSample_CompiledModel_AgreesWithReferenceOutput(string model, string target)
    {
        using var sample = new SampleBuilder();
        string caseDir = Path.Combine(RepositoryPaths.Corpora, "torchvision", model);
        string source = Path.Combine(sample.Folder, target == "cc" ? "classifier.c" : "classifier.cc");
        SampleBuilder.Compile(Path.Combine(caseDir, "model.onnx"), "--target", target, "--entry-func-name", "classifier", "-o", source);

        string program = sample.BuildExecutable("classification",
            [source, Path.Combine(RepositoryPaths.Root, "samples", "classification", "main.cc")],
            [Path.Combine(sample.Folder, "classifier.bin")]);
        var (exitCode, output, error) = ProcessRunner.Run(program,
            [Path.Combine(caseDir, "test_data_set_0", "input_0.pb"), Path.Combine(caseDir, "test_data_set_0", "output_0.pb")]);

        Assert.That(exitCode, Is.Zero, output + error);
        Assert.That(output, Does.Match("top-5 classes:( [0-9]+ \\(-?[0-9.]+\\)){5}"));
        Assert.That(output, Does.Contain("reference: agrees (top-5 equal"));
    }
}
