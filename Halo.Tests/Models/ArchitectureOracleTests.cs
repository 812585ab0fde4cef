using Halo.Backends.Odla;
using Halo.Cli.Execution;
using Halo.Core.Compilation;
using Halo.Core.IR;
using Halo.Frontends.Onnx;
using Halo.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NUnit.Framework;

namespace Halo.Tests.Models;

/// <summary>
/// Architecture-shaped models (<see cref="Architectures"/>) with ONNX Runtime as the oracle: ORT computes the
/// outputs for a seeded input, and the interpreter and generated ODLA code (C++ and C) must match them
/// (rtol 1e-3, atol 1e-4, as for whole-model corpora). These compose operators the way exported models do,
/// which the one-operator node tests do not.
/// </summary>
[TestFixture]
public sealed class ArchitectureOracleTests
{
    private static readonly Lazy<CompilationPipeline> s_pipeline = new(() =>
    {
        var services = new ServiceCollection();
        services.AddHalo(h => h.AddOnnx().AddStandardPasses());
        return services.BuildServiceProvider().GetRequiredService<CompilationPipeline>();
    });

    private TemporaryDirectory _root = null!;

    private static readonly Lazy<Dictionary<string, ArchitectureModel>> s_models = new(() => Architectures.All().ToDictionary(m => m.Name));

    public static IEnumerable<string> Models() => s_models.Value.Keys;

    [OneTimeSetUp]
    public void CreateRoot() => _root = new TemporaryDirectory("halo-arch-");

    [OneTimeTearDown]
    public void DeleteRoot() => _root.Dispose();

    [TestCaseSource(nameof(Models))]
    public void Interpreter_ArchitectureModel_MatchesOnnxRuntime(string model)
    {
        string failure = BackendTestCase.Run(CaseFolder(model), s_pipeline.Value, new InterpreterExecutor(threads: 2), rtol: 1e-3, atol: 1e-4) ?? "";

        Assert.That(failure, Is.Empty);
    }

    public static IEnumerable<TestCaseData> NativeCases() =>
        s_models.Value.Keys.SelectMany(m => new[] { OdlaTarget.Cxx, OdlaTarget.C }.Select(t => new TestCaseData(m, t)));

    [TestCaseSource(nameof(NativeCases))]
    [Category("Native")]
    public void OdlaReference_ArchitectureModel_MatchesOnnxRuntime(string model, OdlaTarget target)
    {
        var executor = new OdlaExecutor(s_pipeline.Value.Registry, new OdlaBuildSettings { Target = target });

        string failure = BackendTestCase.Run(CaseFolder(model), s_pipeline.Value, executor, rtol: 1e-3, atol: 1e-4) ?? "";

        Assert.That(failure, Is.Empty);
    }

    // Writes the model and one ONNX Runtime test set in the backend-test layout, once per model.
    private string CaseFolder(string modelName)
    {
        var model = s_models.Value[modelName];
        string dir = Path.Combine(_root.Path, model.Name);
        lock (_root)
        {
            if (Directory.Exists(dir))
            {
                return dir;
            }
            string set = Path.Combine(dir, "test_data_set_0");
            Directory.CreateDirectory(set);
            File.WriteAllBytes(Path.Combine(dir, "model.onnx"), model.Model);
            var random = new Random(model.Name.Length * 7919);
            var inputs = new List<NamedOnnxValue>();
            for (int i = 0; i < model.Inputs.Count; i++)
            {
                var input = model.Inputs[i];
                long count = input.Dims.Aggregate(1L, (a, b) => a * b);
                int[] ortDims = input.Dims.Select(d => (int)d).ToArray();
                string file = Path.Combine(set, $"input_{i}.pb");
                if (input.IndexBound is { } bound)
                {
                    var ids = new long[count];
                    for (int k = 0; k < ids.Length; k++)
                    {
                        ids[k] = random.NextInt64(bound);
                    }
                    OnnxTensorFile.WriteTensor(file, TensorData.FromInt64s(ids, input.Dims), input.Name);
                    inputs.Add(NamedOnnxValue.CreateFromTensor(input.Name, new DenseTensor<long>(ids, ortDims)));
                    continue;
                }
                var values = new float[count];
                for (int k = 0; k < values.Length; k++)
                {
                    values[k] = (float)(random.NextDouble() * 2 - 1);
                }
                OnnxTensorFile.WriteTensor(file, TensorData.FromFloats(values, input.Dims), input.Name);
                inputs.Add(NamedOnnxValue.CreateFromTensor(input.Name, new DenseTensor<float>(values, ortDims)));
            }
            using var session = new InferenceSession(model.Model);
            using var results = session.Run(inputs);
            int k2 = 0;
            foreach (string output in session.OutputNames)
            {
                var result = results.Single(r => r.Name == output);
                string file = Path.Combine(set, $"output_{k2++}.pb");
                if (result.Value is Tensor<long> indices)
                {
                    OnnxTensorFile.WriteTensor(file, TensorData.FromInt64s(indices.ToArray(), Dims(indices.Dimensions)), output);
                    continue;
                }
                var tensor = result.AsTensor<float>();
                OnnxTensorFile.WriteTensor(file, TensorData.FromFloats(tensor.ToArray(), Dims(tensor.Dimensions)), output);
            }
            return dir;
        }
    }

    private static long[] Dims(ReadOnlySpan<int> dims)
    {
        var result = new long[dims.Length];
        for (int i = 0; i < dims.Length; i++)
        {
            result[i] = dims[i];
        }
        return result;
    }
}
