using System.CommandLine;
using Halo.Core.Compilation;
using Halo.Core.IR.Text;

namespace Halo.Cli.Commands;

/// <summary><c>halo dump MODEL</c>: prints the IR text after import, shape inference and verification.</summary>
internal static class DumpCommand
{
    public static Command Create()
    {
        var model = new Argument<FileInfo>("MODEL") { Description = "The model file (.onnx, or a TensorFlow GraphDef .pb)" };
        var afterPasses = new Option<bool>("--after-passes") { Description = "Print the graph after the standard passes instead of right after import" };
        var fullConstants = new Option<bool>("--full-constants") { Description = "Print every constant's data (the text then parses back); by default constants over 16 elements are elided" };
        var format = new Option<string?>("--format", "-x") { Description = "The model format (onnx, tf); by default taken from the file (.onnx: onnx, .pb: tf)" };
        var command = new Command("dump", "Print the IR as text after import, shape inference and verification")
        {
            model, afterPasses, fullConstants, format,
        };
        command.SetAction(parse => Run(parse.GetValue(model)!, parse.GetValue(afterPasses), parse.GetValue(fullConstants),
            parse.GetValue(format), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(FileInfo model, bool afterPasses, bool fullConstants, string? format, TextWriter output, TextWriter error)
    {
        var pipeline = HaloHost.CreatePipeline();
        var compilation = pipeline.CreateCompilation(model.FullName, HaloCompilationOptions.Default with { Format = format });
        var result = afterPasses ? compilation.GetModel() : compilation.GetImportedModel();
        bool errors = DiagnosticWriter.Write(compilation.GetDiagnostics(), error);
        if (errors || result is null)
        {
            return 1;
        }
        var options = fullConstants ? GraphPrinterOptions.Full : new GraphPrinterOptions { ElideConstantsAbove = 16 };
        output.Write(GraphPrinter.Print(result, options));
        return 0;
    }
}
