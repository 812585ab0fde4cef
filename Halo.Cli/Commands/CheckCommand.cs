using System.CommandLine;
using System.Globalization;
using Halo.Cli.Execution;
using Halo.Core.Diagnostics;
using Halo.Core.Semantics;

namespace Halo.Cli.Commands;

/// <summary><c>halo check CASE_DIR...</c>: runs ONNX backend-test folders and compares every output.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var cases = new Argument<DirectoryInfo[]>("CASE_DIR") { Description = "Folders with model.onnx and test_data_set_N/{input,output}_K.pb", Arity = ArgumentArity.OneOrMore };
        var backend = BackendOption.Create();
        var rtol = new Option<double>("--rtol") { Description = "Relative tolerance", DefaultValueFactory = _ => 1e-3 };
        var atol = new Option<double>("--atol") { Description = "Absolute tolerance (whole-model corpora use 1e-4)", DefaultValueFactory = _ => 1e-7 };
        var command = new Command("check", "Run ONNX backend-test case folders and compare their outputs with tolerances")
        {
            cases, backend, rtol, atol,
        };
        command.SetAction(parse => Run(parse.GetValue(cases)!, parse.GetValue(backend)!, parse.GetValue(rtol), parse.GetValue(atol),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(DirectoryInfo[] cases, string backendName, double rtol, double atol, TextWriter output, TextWriter error)
    {
        var pipeline = HaloHost.CreatePipeline();
        if (BackendOption.Resolve(backendName, pipeline.Registry, error) is not { } executor)
        {
            return 1;
        }
        int passed = 0;
        int failed = 0;
        foreach (var dir in cases)
        {
            string? failure = RunCase(dir.FullName, pipeline, executor, rtol, atol);
            output.WriteLine(failure is null ? $"ok   {dir.Name}" : $"FAIL {dir.Name}: {failure}");
            _ = failure is null ? passed++ : failed++;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{passed} passed, {failed} failed"));
        return failed == 0 ? 0 : 1;
    }

    private static string? RunCase(string dir, Halo.Core.Compilation.CompilationPipeline pipeline, IModelExecutor executor, double rtol, double atol)
    {
        string modelPath = Path.Combine(dir, "model.onnx");
        using var loaded = LoadedModel.Load(pipeline, modelPath, executor, format: null);
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
}
