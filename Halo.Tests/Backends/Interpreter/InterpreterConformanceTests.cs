using System.Diagnostics;
using Halo.Backends.Interpreter;
using Halo.Cli.Execution;
using Halo.Core.Compilation;
using Halo.Core.IR.Types;
using Halo.Frontends.Onnx;
using Halo.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Halo.Tests.Backends.Interpreter;

/// <summary>Runs ONNX backend-test folders (model.onnx + test_data_set_0) through the interpreter: every
/// torchvision model, and the onnx-node cases of the operators the interpreter implements. A node case
/// whose model needs an operator or type the interpreter lacks is reported as ignored, with the diagnostics.</summary>
[TestFixture]
[Category("Conformance")]
public sealed class InterpreterConformanceTests
{
    private static readonly Lazy<Halo.Tests.Conformance.ExpectedFailures> s_expected =
        new(() => Halo.Tests.Conformance.ExpectedFailures.LoadAll("interpreter-expected-failures.txt"));

    private static readonly Lazy<CompilationPipeline> s_pipeline = new(() =>
    {
        var services = new ServiceCollection();
        services.AddHalo(h => h.AddOnnx());
        return services.BuildServiceProvider().GetRequiredService<CompilationPipeline>();
    });

    public static IEnumerable<TestCaseData> TorchvisionCases() => Cases("torchvision", _ => true);

    public static IEnumerable<TestCaseData> NodeCases() => Cases("onnx-node", _ => true);

    private static IEnumerable<TestCaseData> Cases(string corpus, Func<string, bool> include)
    {
        string root = Path.Combine(RepositoryPaths.Corpora, corpus);
        if (!Directory.Exists(root))
        {
            yield break;
        }
        foreach (string dir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(dir);
            if (include(name) && File.Exists(Path.Combine(dir, "model.onnx")))
            {
                yield return new TestCaseData(dir).SetName(corpus + "/" + name);
            }
        }
    }

    [TestCaseSource(nameof(TorchvisionCases))]
    public void Run_TorchvisionModel_MatchesReference(string dir) => RunCase(dir, 1e-3, 1e-4, ignoreUnsupported: false);

    /// <summary>Every onnx-node case, every data set; cases that do not pass yet are listed with a reason in
    /// Conformance/interpreter-expected-failures.txt (a listed case that passes fails, so the list stays true).</summary>
    [TestCaseSource(nameof(NodeCases))]
    public void Run_OnnxNodeCase_MatchesReference(string dir)
    {
        string? failure = BackendTestCase.Run(dir, s_pipeline.Value, new InterpreterExecutor(threads: 2), rtol: 1e-3, atol: 1e-7);
        s_expected.Value.Check(Path.GetFileName(dir), failure is null, failure ?? string.Empty);
    }

    internal static InferenceSession CreateSession(string modelPath, int threads, bool ignoreUnsupported)
    {
        var result = InferenceSession.Create(s_pipeline.Value, modelPath, new InferenceSessionOptions { MaxDegreeOfParallelism = threads }, default);
        if (!result.Success)
        {
            string detail = string.Join("\n", result.Diagnostics.Where(d => d.IsError));
            if (ignoreUnsupported && result.Diagnostics.Any(d => d.Id.StartsWith("HALO4", StringComparison.Ordinal)))
            {
                Assert.Ignore("not supported by the interpreter yet:\n" + detail);
            }
            Assert.Fail(detail);
        }
        return result.Session!;
    }

    internal static Dictionary<string, Tensor> ReadInputs(InferenceSession session, string dataDir)
    {
        var feeds = new Dictionary<string, Tensor>();
        for (int i = 0; i < session.Inputs.Length; i++)
        {
            feeds[session.Inputs[i].Name] = ReadTensor(Path.Combine(dataDir, $"input_{i}.pb"), session.Inputs[i].Type);
        }
        return feeds;
    }

    private static void RunCase(string dir, double rtol, double atol, bool ignoreUnsupported)
    {
        using var session = CreateSession(Path.Combine(dir, "model.onnx"), 2, ignoreUnsupported);
        string data = Path.Combine(dir, "test_data_set_0");
        var outputs = session.Run(ReadInputs(session, data));
        for (int i = 0; i < session.Outputs.Length; i++)
        {
            var expected = ReadTensor(Path.Combine(data, $"output_{i}.pb"), session.Outputs[i].Type);
            TensorAssert.AllClose(expected, outputs[session.Outputs[i].Name], rtol, atol, session.Outputs[i].Name);
        }
    }

    private static Tensor ReadTensor(string path, IrType type)
    {
        if (type is not TensorType)
        {
            Assert.Ignore($"{Path.GetFileName(path)} is a {type}, not a tensor");
        }
        var read = OnnxTensorFile.ReadTensor(path);
        Assert.That(read.Value?.Tensor, Is.Not.Null, string.Join("\n", read.Diagnostics));
        return Tensor.FromTensorData(read.Value!.Tensor!);
    }

    [Test]
    [Category("Slow")]
    [Explicit("Prints latencies; run by hand.")]
    public void Measure_TorchvisionLatency_Prints()
    {
        foreach (var data in TorchvisionCases())
        {
            string dir = (string)data.Arguments[0]!;
            foreach (int threads in new[] { 1, 2 })
            {
                using var session = CreateSession(Path.Combine(dir, "model.onnx"), threads, false);
                var feeds = ReadInputs(session, Path.Combine(dir, "test_data_set_0"));
                session.Run(feeds);
                var times = new List<double>();
                for (int i = 0; i < 5; i++)
                {
                    var sw = Stopwatch.StartNew();
                    session.Run(feeds);
                    times.Add(sw.Elapsed.TotalMilliseconds);
                }
                times.Sort();
                TestContext.Out.WriteLine($"{Path.GetFileName(dir)} threads={threads} median_ms={times[2]:F1} min_ms={times[0]:F1}");
            }
        }
    }
}
