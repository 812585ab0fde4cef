namespace Halo.Cli;

/// <summary>Entry point of the <c>halo</c> tool.</summary>
internal static class Program
{
    private static int Main(string[] args) => args.Length == 0 ? 0 : 1;
}
