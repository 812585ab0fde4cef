namespace Halo.Cli;

/// <summary>Entry point of the <c>halo</c> tool.</summary>
internal static class Program
{
    private static int Main(string[] args) => HaloCommandLine.Run(args, Console.Out, Console.Error);
}
