using System.CommandLine;
using Halo.Cli.Execution;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.Semantics;
using Halo.Core.Verification;
using Halo.Frontends.Onnx;

namespace Halo.Cli.Commands;

/// <summary><c>halo run MODEL --input NAME=FILE.pb ...</c>: runs a model on tensor files and prints or writes its outputs.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var model = new Argument<FileInfo>("MODEL") { Description = "The model file (.onnx, or a TensorFlow GraphDef .pb)" };
        var inputs = new Option<string[]>("--input", "-i") { Description = "An input as NAME=FILE.pb (ONNX TensorProto); repeat for each input", AllowMultipleArgumentsPerToken = false };
        var outputDir = new Option<DirectoryInfo?>("--output-dir", "-o") { Description = "Write each output as NAME.pb into this folder" };
        var backend = BackendOption.Create();
        var format = new Option<string?>("--format", "-x") { Description = "The model format (onnx, tf); by default taken from the file (.onnx: onnx, .pb: tf)" };
        var command = new Command("run", "Run a model on input tensor files and print or write its outputs")
        {
            model, inputs, outputDir, backend, format,
        };
        command.SetAction(parse => Run(parse.GetValue(model)!, parse.GetValue(inputs) ?? [], parse.GetValue(outputDir),
            parse.GetValue(backend)!, parse.GetValue(format), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(FileInfo modelFile, string[] bindings, DirectoryInfo? outputDir, string backendName, string? format,
        TextWriter output, TextWriter error)
    {
        var pipeline = HaloHost.CreatePipeline();
        if (BackendOption.Resolve(backendName, pipeline.Registry, error) is not { } executor)
        {
            return 1;
        }
        using var loaded = LoadedModel.Load(pipeline, modelFile.FullName, executor, format);
        if (DiagnosticWriter.Write(loaded.Diagnostics, error) || !loaded.Ok)
        {
            return 1;
        }
        var graph = loaded.Model!.Graph;
        var bag = new DiagnosticBag();
        var values = BindInputs(graph, bindings, bag);
        if (DiagnosticWriter.Write(bag.ToImmutable(), error) || values is null)
        {
            return 1;
        }
        try
        {
            var results = loaded.Prepared!.Run(values);
            return WriteOutputs(graph, results, outputDir, output, error);
        }
        catch (EvaluationException e)
        {
            error.WriteLine(Diagnostic.Create(ExecutionDiagnostics.ExecutionFailed, ModelLocation.OfFile(modelFile.FullName), e.Message));
            return 1;
        }
    }

    private static List<RuntimeValue>? BindInputs(Graph graph, string[] bindings, DiagnosticBag bag)
    {
        var names = graph.Inputs.Select(i => graph.NameOf(i.Output(0)) ?? "?").ToList();
        string known = string.Join(", ", graph.Inputs.Select((i, k) => names[k] + " " + i.Type));
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string binding in bindings)
        {
            int eq = binding.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == binding.Length - 1)
            {
                bag.Report(CommandLineDiagnostics.InvalidInputBinding, null, binding);
            }
            else if (!names.Contains(binding[..eq]))
            {
                bag.Report(CommandLineDiagnostics.InputMismatch, null, $"the model has no input '{binding[..eq]}'", known);
            }
            else
            {
                files[binding[..eq]] = binding[(eq + 1)..];
            }
        }
        var values = new List<RuntimeValue>();
        for (int k = 0; k < names.Count && !bag.HasErrors; k++)
        {
            if (!files.TryGetValue(names[k], out string? file))
            {
                bag.Report(CommandLineDiagnostics.InputMismatch, null, $"input '{names[k]}' is not given (--input {names[k]}=FILE.pb)", known);
                continue;
            }
            if (LoadedModel.ReadValue(file, graph.Inputs[k].Type, bag) is { } value)
            {
                if (!TypeCompatibility.AreCompatible(graph.Inputs[k].Type, value.Type))
                {
                    bag.Report(CommandLineDiagnostics.InputMismatch, ModelLocation.OfFile(file),
                        $"input '{names[k]}' is {value.Type} in {file}, but the model takes {graph.Inputs[k].Type}", known);
                }
                values.Add(value);
            }
        }
        return bag.HasErrors ? null : values;
    }

    private static int WriteOutputs(Graph graph, IReadOnlyList<RuntimeValue> results, DirectoryInfo? outputDir, TextWriter output, TextWriter error)
    {
        outputDir?.Create();
        for (int k = 0; k < results.Count; k++)
        {
            string name = graph.NameOf(graph.Outputs[k]) ?? "output_" + k;
            output.WriteLine(ValueSummary.Describe(name, results[k]));
            if (outputDir is null)
            {
                continue;
            }
            if (results[k] is not TensorValue tensor)
            {
                error.WriteLine(Diagnostic.Create(ExecutionDiagnostics.ExecutionFailed, null, $"output '{name}' is a {results[k].Type}; only tensors are written to files"));
                return 1;
            }
            OnnxTensorFile.WriteTensor(Path.Combine(outputDir.FullName, ValueSummary.FileName(name, k)), tensor.Data, name);
        }
        return 0;
    }
}
