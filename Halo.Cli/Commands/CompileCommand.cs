using System.CommandLine;
using Halo.Backends.Odla;
using Halo.Core.Compilation;
using Halo.Core.Diagnostics;
using Halo.Passes.Analysis;
using Halo.Passes.Options;

namespace Halo.Cli.Commands;

/// <summary><c>halo compile MODEL -o OUT.cc</c>: generates ODLA C++ (or C) code, its header and the weights.</summary>
internal static class CompileCommand
{
    public static Command Create()
    {
        var model = new Argument<FileInfo>("MODEL") { Description = "The model file (.onnx)" };
        var output = new Option<FileInfo>("--output", "-o") { Description = "The source file to write (OUT.cc or OUT.c); OUT.h and OUT.bin (or OUT.data.c) are written beside it", Required = true };
        var target = new Option<string?>("--target") { Description = "cxx (C++17) or cc (C99); by default cc for a .c output, else cxx" };
        target.AcceptOnlyFromAmong("cxx", "cc");
        var format = new Option<string?>("--format", "-x") { Description = "The model format (onnx); by default taken from the file" };
        var entry = new Option<string?>("--entry-func-name") { Description = "The entry function's name; by default the model file's name" };
        var execMode = new Option<string>("--exec-mode") { Description = "compile: build the computation once; interpret: build, run and destroy it on every call", DefaultValueFactory = _ => "compile" };
        execMode.AcceptOnlyFromAmong("compile", "interpret");
        var valueReset = new Option<bool>("--emit-value-reset") { Description = "In interpret mode, release each ODLA value after its last use" };
        var idAsInt = new Option<bool>("--emit-value-id-as-int") { Description = "Use integer ODLA value ids instead of strings" };
        var dataAsC = new Option<bool>("--emit-data-as-c") { Description = "Write the weights as a C file (OUT.data.c) instead of an ELF object (OUT.bin)" };
        var graphOptions = new CompileGraphOptions();
        var command = new Command("compile", "Compile a model to ODLA C++ or C code, a header and a weights file")
        {
            model, output, target, format, entry, execMode, valueReset, idAsInt, dataAsC,
        };
        foreach (var option in graphOptions.All)
        {
            command.Options.Add(option);
        }
        command.SetAction(parse =>
        {
            string outputPath = parse.GetValue(output)!.FullName;
            string? targetName = parse.GetValue(target) ?? (Path.GetExtension(outputPath) == ".c" ? "cc" : "cxx");
            var codeGen = new OdlaCodeGenOptions
            {
                Target = targetName == "cc" ? OdlaTarget.C : OdlaTarget.Cxx,
                EntryFunctionName = parse.GetValue(entry),
                ExecMode = parse.GetValue(execMode) == "interpret" ? OdlaExecMode.Interpret : OdlaExecMode.Compile,
                EmitValueReset = parse.GetValue(valueReset),
                EmitValueIdAsInt = parse.GetValue(idAsInt),
                EmitDataAsC = parse.GetValue(dataAsC),
            };
            var diagnostics = new DiagnosticBag();
            var passOptions = graphOptions.Read(parse, diagnostics);
            if (passOptions is null)
            {
                DiagnosticWriter.Write(diagnostics.ToImmutable(), parse.InvocationConfiguration.Error);
                return 1;
            }
            var request = new CompileRequest(parse.GetValue(model)!.FullName, outputPath, parse.GetValue(format), codeGen)
            {
                // As HALO: an unknown batch (TensorFlow's -1, a symbolic first dimension) compiles as 1 unless told otherwise.
                Passes = passOptions with { InputShapes = passOptions.InputShapes with { UnknownBatchAsOne = true } },
            };
            return Run(request, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }

    /// <summary>Compiles <paramref name="request"/>; writes every file or none. Returns the exit code.</summary>
    public static int Run(CompileRequest request, TextWriter output, TextWriter error)
    {
        string folder = Path.GetDirectoryName(request.OutputPath) ?? ".";
        if (!Directory.Exists(folder))
        {
            error.WriteLine(Diagnostic.Create(CompileDiagnostics.MissingOutputFolder, null, folder));
            return 1;
        }
        var pipeline = HaloHost.CreatePipeline();
        var compilation = pipeline.CreateCompilation(request.ModelPath, HaloCompilationOptions.Default with { Format = request.Format });
        compilation = compilation.AddPasses([.. CompilePasses.Create(request.Passes)]);
        var result = compilation.GetModel();
        if (DiagnosticWriter.Write(compilation.GetDiagnostics(), error) || result is null)
        {
            return 1;
        }
        if (request.Passes.PrintMemoryStatistics)
        {
            output.Write(MemoryStatistics.Compute(result.Graph).Format());
        }
        string sourceFile = Path.GetFileName(request.OutputPath);
        var options = request.CodeGen with
        {
            EntryFunctionName = request.CodeGen.EntryFunctionName ?? OdlaCodeGenerator.DefaultEntryName(request.ModelPath),
            OutputBaseName = Path.GetFileNameWithoutExtension(sourceFile),
        };
        var generated = new OdlaCodeGenerator().Generate(result.Graph, options);
        if (DiagnosticWriter.Write(generated.Diagnostics.Select(d => WithFile(d, request.ModelPath)), error) || generated.Artifacts is not { } artifacts)
        {
            return 1;
        }
        return CompileOutputWriter.WriteAll(folder, sourceFile, artifacts, error) ? 0 : 1;
    }

    private static Diagnostic WithFile(Diagnostic diagnostic, string modelPath) => diagnostic.Location.FilePath is null
        ? diagnostic.WithLocation(diagnostic.Location with { FilePath = modelPath })
        : diagnostic;
}
