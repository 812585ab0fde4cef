using Halo.Cli.Execution;
using Halo.Core.Compilation;
using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.Operators;
using Halo.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Halo.Tests.Conformance;

/// <summary>Runs every ONNX node-test case with the operators' reference semantics and compares with ONNX's
/// outputs (rtol 1e-3, atol 1e-7). A case whose model uses an operator without reference semantics yet is
/// reported as inconclusive (skipped); known failures are listed in reference-expected-failures*.txt.</summary>
[TestFixture]
[Category("Conformance")]
public sealed class ReferenceConformanceTests
{
    private static readonly Lazy<CompilationPipeline> s_pipeline = new(() =>
    {
        var services = new ServiceCollection();
        services.AddHalo(h => h.AddOnnx());
        return services.BuildServiceProvider().GetRequiredService<CompilationPipeline>();
    });

    private static readonly Lazy<ExpectedFailures> s_expected = new(() => ExpectedFailures.LoadAll("reference-expected-failures*.txt"));

    public static IEnumerable<TestCaseData> NodeCases()
    {
        string root = Path.Combine(RepositoryPaths.Corpora, "onnx-node");
        if (!Directory.Exists(root))
        {
            yield break;
        }
        foreach (string dir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            yield return new TestCaseData(Path.GetFileName(dir), dir).SetName("reference/" + Path.GetFileName(dir));
        }
    }

    [TestCaseSource(nameof(NodeCases))]
    public void Evaluate_OnnxNodeCase_MatchesOnnxOutputs(string caseName, string caseDir)
    {
        var model = s_pipeline.Value.CreateCompilation(Path.Combine(caseDir, "model.onnx"), options: null).GetImportedModel();
        Assert.That(model, Is.Not.Null, "import failed");
        var missing = OperatorsWithoutSemantics(model!.Graph, s_pipeline.Value.Registry);
        if (missing.Count > 0)
        {
            Assert.Ignore("no reference semantics yet: " + string.Join(", ", missing));
        }
        string? failure = BackendTestCase.Run(caseDir, s_pipeline.Value, new ReferenceExecutor(s_pipeline.Value.Registry), rtol: 1e-3, atol: 1e-7);
        s_expected.Value.Check(caseName, failure is null, failure ?? string.Empty);
    }

    /// <summary>Operators of the graph and its subgraphs that have no reference semantics.</summary>
    internal static SortedSet<string> OperatorsWithoutSemantics(Graph graph, OperatorRegistry registry)
    {
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var work = new Stack<Graph>([graph]);
        while (work.Count > 0)
        {
            foreach (var op in work.Pop().TopologicalOrder.OfType<GreenOp>())
            {
                if (!registry.TryGetSchema(op.Operator, out var schema) || schema.Reference is null)
                {
                    missing.Add(op.Operator.ToString());
                }
                foreach (var sub in op.Attributes.Values.SelectMany(v => v.Subgraphs))
                {
                    work.Push(sub);
                }
            }
        }
        return missing;
    }
}
