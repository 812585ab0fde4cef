using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Halo.Cli.Execution;
using Halo.Core.Compilation;
using Halo.Tests.Conformance;
using Halo.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Halo.Tests.Backends.Odla;

/// <summary>Every ONNX node-test case through generated ODLA C++ code on the reference runtime (built in batches
/// of 100 models per library), compared with ONNX's outputs like the interpreter (rtol 1e-3, atol 1e-7). Known
/// failures, with their reasons, are listed in Conformance/odla-reference-expected-failures.txt.</summary>
[TestFixture]
[Category("Native")]
[Category("Conformance")]
public sealed partial class OdlaReferenceConformanceTests
{
    private static readonly Lazy<CompilationPipeline> s_pipeline = new(() =>
    {
        var services = new ServiceCollection();
        services.AddHalo(h => h.AddOnnx().AddTensorFlow().AddStandardPasses());
        return services.BuildServiceProvider().GetRequiredService<CompilationPipeline>();
    });

    private static readonly Lazy<ExpectedFailures> s_expected = new(() => ExpectedFailures.Load("odla-reference-expected-failures.txt"));

    // The batching and data specialization of halo check --backend odla-reference.
    private static readonly Lazy<OdlaBatchedCases> s_batches = new(() =>
        new OdlaBatchedCases(CaseDirs(), s_pipeline.Value, new OdlaExecutor(s_pipeline.Value.Registry), format: null));

    private static readonly ConcurrentDictionary<string, string> s_failures = new(StringComparer.Ordinal);

    public static IEnumerable<TestCaseData> NodeCases() =>
        CaseDirs().Select(dir => new TestCaseData(Path.GetFileName(dir), dir).SetName("odla-reference/" + Path.GetFileName(dir)));

    [TestCaseSource(nameof(NodeCases))]
    public void Run_OnnxNodeCase_MatchesOnnxOutputs(string caseName, string caseDir)
    {
        var executor = s_batches.Value.ExecutorFor(caseDir);
        string? failure = BackendTestCase.Run(caseDir, s_pipeline.Value, executor, rtol: 1e-3, atol: 1e-7);
        if (failure is not null)
        {
            s_failures[caseName] = Reason(failure);
        }
        s_expected.Value.Check(caseName, failure is null, failure ?? string.Empty);
    }

    /// <summary>Writes the failures of this run as an expected-failures list into the test output folder, to
    /// refresh the checked-in list after runtime or lowering work.</summary>
    [OneTimeTearDown]
    public void WriteFailureList()
    {
        if (!s_failures.IsEmpty)
        {
            File.WriteAllLines(Path.Combine(TestContext.CurrentContext.WorkDirectory, "odla-reference-failures.txt"),
                s_failures.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "  " + p.Value));
        }
    }

    private static List<string> CaseDirs()
    {
        string root = Path.Combine(RepositoryPaths.Corpora, "onnx-node");
        return Directory.Exists(root) ? [.. Directory.GetDirectories(root).Order(StringComparer.Ordinal)] : [];
    }

    /// <summary>A one-line reason: the diagnostic's id and message without the cache path, or the mismatch.</summary>
    private static string Reason(string failure)
    {
        string line = failure.Split('\n')[0].Trim();
        int error = line.IndexOf("error HALO", StringComparison.Ordinal);
        line = error >= 0 ? line[(error + "error ".Length)..] : line;
        line = CachePath().Replace(line, "");
        return line.Length > 200 ? line[..200] : line;
    }

    [GeneratedRegex(@"\S*/halo-native-cache/\S*?:(\d+:\d+:)?\s*")]
    private static partial Regex CachePath();
}
