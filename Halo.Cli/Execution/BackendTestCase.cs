using Halo.Core.Compilation;
using Halo.Core.Diagnostics;
using Halo.Core.Semantics;

namespace Halo.Cli.Execution;

/// <summary>One ONNX backend-test folder (<c>model.onnx</c> or another <c>model.*</c> such as a TensorFlow
/// <c>model.pb</c>, <c>test_data_set_N/{input,output}_K.pb</c>) run on a backend and compared with tolerances; shared
/// by <c>halo check</c> and the conformance suites.</summary>
internal static class BackendTestCase
{
    /// <summary>Runs every data set of the case folder <paramref name="dir"/>; null when every output matches,
    /// else what went wrong first (a diagnostic, a runtime failure, or the worst element of an output).
    /// <paramref name="format"/> forces the importer (<c>-x</c>); null picks it from the model file.</summary>
    public static string? Run(string dir, CompilationPipeline pipeline, IModelExecutor executor, double rtol, double atol,
        string? format = null)
    {
        if (FindModel(dir) is not { } modelPath)
        {
            return "no model.* file";
        }
        using var loaded = LoadedModel.Load(pipeline, modelPath, executor, format);
        if (!loaded.Ok)
        {
            return loaded.Diagnostics.FirstOrDefault(d => d.IsError)?.ToString() ?? "cannot prepare the model";
        }
        var graph = loaded.Model!.Graph;
        var sets = Directory.GetDirectories(dir, "test_data_set_*").Order(StringComparer.Ordinal).ToList();
        if (sets.Count == 0)
        {
            return "no test_data_set_N folder";
        }
        foreach (string set in sets)
        {
            var bag = new DiagnosticBag();
            var inputs = graph.Inputs.Select((input, i) => LoadedModel.ReadValue(Path.Combine(set, $"input_{i}.pb"), input.Type, bag)).ToList();
            var expected = graph.Outputs.Select((o, k) => LoadedModel.ReadValue(Path.Combine(set, $"output_{k}.pb"), o.Type, bag)).ToList();
            if (bag.HasErrors)
            {
                return Path.GetFileName(set) + ": " + bag.ToImmutable().First(d => d.IsError);
            }
            try
            {
                var actual = loaded.Prepared!.Run(inputs!);
                for (int k = 0; k < expected.Count; k++)
                {
                    if (ValueComparison.Compare(expected[k]!, actual[k], rtol, atol) is { } diff)
                    {
                        return $"{Path.GetFileName(set)} output {k} ('{graph.NameOf(graph.Outputs[k])}'): {diff}";
                    }
                }
            }
            catch (EvaluationException e)
            {
                return Path.GetFileName(set) + ": " + e.Message;
            }
        }
        return null;
    }

    /// <summary><c>model.onnx</c> when present, else the first other <c>model.*</c> file by name.</summary>
    internal static string? FindModel(string dir)
    {
        string onnx = Path.Combine(dir, "model.onnx");
        return File.Exists(onnx) ? onnx
            : Directory.Exists(dir) ? Directory.GetFiles(dir, "model.*").Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
    }
}
