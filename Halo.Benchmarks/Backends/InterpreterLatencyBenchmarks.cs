using BenchmarkDotNet.Attributes;
using Halo.Core.Operators;
using Halo.Frontends.Onnx;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using HaloSession = Halo.Backends.Interpreter.InferenceSession;
using HaloTensor = Halo.Backends.Interpreter.Tensor;

namespace Halo.Benchmarks.Backends;

/// <summary>
/// Batch-1 latency of the managed interpreter against ONNX Runtime (CPU, same intra-op thread count, same
/// input: the model's first test set) on the torchvision models.
/// </summary>
[MemoryDiagnoser]
public class InterpreterLatencyBenchmarks : IDisposable
{
    private HaloSession _halo = null!;
    private Dictionary<string, HaloTensor> _haloInputs = null!;
    private Microsoft.ML.OnnxRuntime.InferenceSession _ort = null!;
    private List<NamedOnnxValue> _ortInputs = null!;

    /// <summary>The torchvision model folder name.</summary>
    [Params("resnet18", "mobilenet_v2", "squeezenet1_1", "shufflenet_v2_x1_0")]
    public string Model { get; set; } = "resnet18";

    /// <summary>Threads for both engines.</summary>
    [Params(1, 2)]
    public int Threads { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        string path = Corpora.Path("torchvision", Model, "model.onnx");
        var model = new OnnxImporter(OperatorRegistry.Default).Import(path).Model!;
        _halo = HaloSession.Create(model, new Halo.Backends.Interpreter.InferenceSessionOptions { MaxDegreeOfParallelism = Threads }).Session!;
        var data = OnnxTensorFile.ReadTensor(Corpora.Path("torchvision", Model, "test_data_set_0", "input_0.pb")).Value!.Tensor!;
        _haloInputs = new() { ["input"] = HaloTensor.FromTensorData(data) };
        using var options = new SessionOptions { IntraOpNumThreads = Threads, InterOpNumThreads = 1 };
        _ort = new Microsoft.ML.OnnxRuntime.InferenceSession(path, options);
        var dims = data.Dimensions.Select(d => (int)d).ToArray();
        _ortInputs = [NamedOnnxValue.CreateFromTensor("input", new DenseTensor<float>(data.AsSpan<float>().ToArray(), dims))];
    }

    [GlobalCleanup]
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _halo?.Dispose();
            _ort?.Dispose();
        }
    }

    [Benchmark(Baseline = true, Description = "onnxruntime")]
    public int OnnxRuntime()
    {
        using var results = _ort.Run(_ortInputs);
        return results.Count;
    }

    [Benchmark(Description = "halo interpret")]
    public int HaloInterpreter() => _halo.Run(_haloInputs).Count;
}
