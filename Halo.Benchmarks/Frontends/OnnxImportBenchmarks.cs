using BenchmarkDotNet.Attributes;
using Halo.Core.IR;
using Halo.Core.Operators;
using Halo.Frontends.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace Halo.Benchmarks.Frontends;

/// <summary>
/// Import time of a torchvision model: Halo's ONNX importer (parse, build the IR, infer types and shapes)
/// against ONNX Runtime loading the same file into a session with graph optimizations off (the closest
/// equivalent: parse, resolve and type the graph).
/// </summary>
[MemoryDiagnoser]
public class OnnxImportBenchmarks
{
    private string _path = string.Empty;
    private OnnxImporter _importer = null!;

    /// <summary>The torchvision model folder name.</summary>
    [Params("resnet18")]
    public string Model { get; set; } = "resnet18";

    [GlobalSetup]
    public void Setup()
    {
        _path = Corpora.Path("torchvision", Model, "model.onnx");
        _importer = new OnnxImporter(OperatorRegistry.Default);
    }

    [Benchmark(Baseline = true, Description = "onnxruntime session (no optimization)")]
    public int OnnxRuntimeLoad()
    {
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL };
        using var session = new InferenceSession(_path, options);
        return session.InputMetadata.Count;
    }

    [Benchmark(Description = "halo import")]
    public HaloModel? HaloImport() => _importer.Import(_path).Model;
}
