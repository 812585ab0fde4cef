using System.CommandLine;
using Halo.Cli.Commands;
using Halo.Core.Diagnostics;

namespace Halo.Cli;

/// <summary>The <c>halo</c> command tree and its invocation, with output writers that tests can replace.</summary>
internal static class HaloCommandLine
{
    public static RootCommand CreateRoot() =>
        new("Halo.NET: import, optimize and compile deep-learning models (ONNX) to ODLA C/C++ or run them in-process")
        {
            DumpCommand.Create(),
            RunCommand.Create(),
            CheckCommand.Create(),
            CompileCommand.Create(),
            BenchCommand.Create(),
        };

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code (0 success, 1 any error).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var parse = CreateRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                error.WriteLine(Diagnostic.Create(CommandLineDiagnostics.InvalidArguments, null, e.Message));
            }
            error.WriteLine("Run 'halo --help' for the commands and options.");
            return 1;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Last line of defence: a bug must not show a stack trace to the user.
            error.WriteLine(Diagnostic.Create(CoreDiagnostics.InternalError, null, "the command line", e.GetType().Name + ": " + e.Message));
            return 1;
        }
    }
}
