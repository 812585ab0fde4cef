using System.CommandLine;
using System.Globalization;
using Halo.Cli.Execution;

namespace Halo.Cli.Commands;

/// <summary><c>halo check CASE_DIR...</c>: runs ONNX backend-test folders and compares every output.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var cases = new Argument<DirectoryInfo[]>("CASE_DIR") { Description = "Folders with model.onnx (or model.pb, ...) and test_data_set_N/{input,output}_K.pb", Arity = ArgumentArity.OneOrMore };
        var backend = BackendOption.Create();
        var rtol = new Option<double>("--rtol") { Description = "Relative tolerance", DefaultValueFactory = _ => 1e-3 };
        var atol = new Option<double>("--atol") { Description = "Absolute tolerance (whole-model corpora use 1e-4)", DefaultValueFactory = _ => 1e-7 };
        var format = new Option<string?>("--format", "-x") { Description = "The model format (onnx, tf); by default taken from each model file" };
        var command = new Command("check", "Run ONNX backend-test case folders and compare their outputs with tolerances")
        {
            cases, backend, rtol, atol, format,
        };
        command.SetAction(parse => Run(parse.GetValue(cases)!, parse.GetValue(backend)!, parse.GetValue(rtol), parse.GetValue(atol),
            parse.GetValue(format), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(DirectoryInfo[] cases, string backendName, double rtol, double atol, string? format, TextWriter output,
        TextWriter error)
    {
        var pipeline = HaloHost.CreatePipeline();
        if (BackendOption.Resolve(backendName, pipeline.Registry, error) is not { } executor)
        {
            return 1;
        }
        int passed = 0;
        int failed = 0;
        // PERF: native code for many cases is built in batches, one library per batch.
        var batched = executor is OdlaExecutor odla && cases.Length > 1
            ? new OdlaBatchedCases([.. cases.Select(c => c.FullName)], pipeline, odla, format)
            : null;
        foreach (var dir in cases)
        {
            string? failure = BackendTestCase.Run(dir.FullName, pipeline, batched?.ExecutorFor(dir.FullName) ?? executor, rtol, atol, format);
            output.WriteLine(failure is null ? $"ok   {dir.Name}" : $"FAIL {dir.Name}: {failure}");
            _ = failure is null ? passed++ : failed++;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{passed} passed, {failed} failed"));
        return failed == 0 ? 0 : 1;
    }
}
