using System.CommandLine;
using Halo.Cli.Commands;

namespace Halo.Cli;

/// <summary>Entry point of the <c>halo</c> tool.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var root = new RootCommand("Halo.NET: import, optimize and compile deep-learning models (ONNX) to ODLA C/C++ or run them in-process")
        {
            DumpCommand.Create(),
        };
        try
        {
            return root.Parse(args).Invoke();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Last line of defence: a bug must not show a stack trace to the user.
            Console.Error.WriteLine($"halo: error HALO9001: Internal error in the command line: {e.GetType().Name}: {e.Message}; please report it with the model");
            return 1;
        }
    }
}
