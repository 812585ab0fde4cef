using BenchmarkDotNet.Running;

namespace Halo.Benchmarks;

/// <summary>Runs the BenchmarkDotNet suites of this assembly (pass <c>--filter</c> to pick some).</summary>
internal static class Program
{
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
