using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Odla.Native;

/// <summary>Runs the C++ test program of the reference runtime (one line per case) and reports failing cases.</summary>
[TestFixture]
[Category("Native")]
public sealed class ReferenceRuntimeTests
{
    [Test]
    public void ReferenceRuntime_TestProgram_AllCasesPass()
    {
        var program = NativeTestTools.ReferenceTestProgram();

        var result = ProcessRunner.Run(program, []);

        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var failures = lines.Where(line => line.StartsWith("FAIL", StringComparison.Ordinal)).ToList();
        Assert.That(failures, Is.Empty, string.Join('\n', failures) + "\n" + result.Error);
        Assert.That(lines.Count(line => line.StartsWith("PASS", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(60));
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }

    [Test]
    public void ReferenceRuntime_TestProgramSingleThreaded_AllCasesPass()
    {
        var program = NativeTestTools.ReferenceTestProgram();

        var result = ProcessRunner.Run(program, [], ("ODLA_NUM_THREADS", "1"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }
}
