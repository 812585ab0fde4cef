using Halo.Core.Compilation;
using Halo.Core.Diagnostics;
using Halo.Core.Operators;
using Halo.Frontends.Onnx;
using Halo.Frontends.Onnx.Protos;

namespace Halo.Tests.Frontends.Onnx;

/// <summary>Writes a model to a temporary file and imports it.</summary>
internal static class OnnxImportHelper
{
    public static ImportResult Import(ModelProto model, OperatorRegistry? registry = null)
    {
        using var dir = new TempDirectory();
        return Import(dir.Write("model.onnx", model), registry);
    }

    public static ImportResult Import(byte[] bytes, OperatorRegistry? registry = null)
    {
        using var dir = new TempDirectory();
        return Import(dir.Write("model.onnx", bytes), registry);
    }

    public static ImportResult Import(string path, OperatorRegistry? registry = null) =>
        new OnnxImporter(registry ?? OnnxTestModels.Registry).Import(path);

    public static IEnumerable<string> Ids(this ImportResult result) => result.Diagnostics.Select(d => d.Id);

    public static IEnumerable<Diagnostic> WithId(this ImportResult result, string id) => result.Diagnostics.Where(d => d.Id == id);

    public static string Describe(this ImportResult result) => string.Join(Environment.NewLine, result.Diagnostics);
}
