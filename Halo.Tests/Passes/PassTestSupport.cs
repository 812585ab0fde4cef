using Halo.Backends.Interpreter;
using Halo.Core.Compilation;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Operators;
using Halo.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Halo.Tests.Passes;

/// <summary>Runs passes with a diagnostic sink and compares graphs through the interpreter.</summary>
internal static class PassTestSupport
{
    public const double Rtol = 1e-4;
    public const double Atol = 1e-5;

    public static readonly Dictionary<string, long> Opset17 = new() { [""] = 17 };

    private static readonly Lazy<CompilationPipeline> s_onnx = new(() =>
    {
        var services = new ServiceCollection();
        services.AddHalo(h => h.AddOnnx());
        return services.BuildServiceProvider().GetRequiredService<CompilationPipeline>();
    });

    /// <summary>Runs <paramref name="pass"/> on <paramref name="model"/>; diagnostics go to <paramref name="diagnostics"/>.</summary>
    public static HaloModel Run(IGraphPass pass, HaloModel model, out DiagnosticBag diagnostics)
    {
        diagnostics = new DiagnosticBag();
        return pass.Run(model, new PassContext(OperatorRegistry.Default, HaloCompilationOptions.Default, diagnostics, CancellationToken.None));
    }

    /// <summary>Runs <paramref name="pass"/> on a model of <paramref name="graph"/> and asserts no diagnostics.</summary>
    public static Graph Run(IGraphPass pass, Graph graph)
    {
        var result = Run(pass, new HaloModel(graph), out var diagnostics);
        Assert.That(diagnostics.ToImmutable(), Is.Empty);
        return result.Graph;
    }

    /// <summary>Asserts that the graph verifies against the default registry.</summary>
    public static void AssertVerifies(Graph graph)
    {
        var diagnostics = new Halo.Core.Verification.Verifier(OperatorRegistry.Default).Verify(new HaloModel(graph));
        Assert.That(diagnostics.Where(d => d.IsError), Is.Empty);
    }

    /// <summary>The torchvision corpus models, by folder name.</summary>
    public static IEnumerable<string> TorchvisionModels() => ["mobilenet_v2", "resnet18", "shufflenet_v2_x1_0", "squeezenet1_1"];

    /// <summary>Imports a torchvision corpus model, or marks the test inconclusive when the corpus is absent.</summary>
    public static HaloModel LoadTorchvision(string name)
    {
        string path = Path.Combine(RepositoryPaths.Corpora, "torchvision", name, "model.onnx");
        if (!File.Exists(path))
        {
            Assert.Ignore("corpus model missing: " + path);
        }
        return LoadModel(path);
    }

    /// <summary>Imports a model file with the ONNX frontend.</summary>
    public static HaloModel LoadModel(string path)
    {
        var compilation = s_onnx.Value.CreateCompilation(path, options: null);
        var model = compilation.GetModel();
        Assert.That(model, Is.Not.Null, string.Join("\n", compilation.GetDiagnostics()));
        return model!;
    }

    /// <summary>Runs <paramref name="graph"/> in the interpreter.</summary>
    public static IReadOnlyDictionary<string, Tensor> Execute(Graph graph, IReadOnlyDictionary<string, Tensor> inputs)
    {
        var result = InferenceSession.Create(graph, new InferenceSessionOptions { MaxDegreeOfParallelism = 2 });
        Assert.That(result.Session, Is.Not.Null, string.Join("\n", result.Diagnostics));
        using var session = result.Session!;
        return session.Run(inputs);
    }

    /// <summary>Seeded uniform values in [-1, 1) for every input of static float type.</summary>
    public static Dictionary<string, Tensor> RandomInputs(Graph graph, int seed = 7)
    {
        var rng = new Random(seed);
        var inputs = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var input in graph.Inputs)
        {
            var shape = ((TensorType)input.Type).Shape.ToSizes().Select(d => (int)d).ToArray();
            var values = new float[shape.Aggregate(1, (a, b) => a * b)];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = (float)(rng.NextDouble() * 2 - 1);
            }
            inputs[graph.NameOf(input.Output(0))!] = Tensor.Create<float>(values, shape);
        }
        return inputs;
    }

    /// <summary>Asserts that both graphs give the same outputs (by name) on the same inputs.</summary>
    public static void AssertSameOutputs(Graph before, Graph after, IReadOnlyDictionary<string, Tensor>? inputs = null)
    {
        inputs ??= RandomInputs(before);
        var expected = Execute(before, inputs);
        var actual = Execute(after, inputs);
        Assert.That(actual.Keys, Is.EquivalentTo(expected.Keys));
        foreach (var (name, tensor) in expected)
        {
            TensorAssert.AllClose(tensor, actual[name], Rtol, Atol, name);
        }
    }

    /// <summary>How many ONNX (default-domain) operations of <paramref name="name"/> the graph holds.</summary>
    public static int CountOps(Graph graph, string name) =>
        graph.TopologicalOrder.OfType<Halo.Core.IR.Green.GreenOp>().Count(o => o.Operator.Name == name && o.Operator.Domain.Length == 0);
}
