using Halo.Cli;

namespace Halo.Tests.Cli;

/// <summary>Runs the <c>halo</c> command line in-process and captures its output.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = HaloCommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
