using System.Text;
using Halo.Core.Operators;
using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Docs;

/// <summary>Keeps docs/operators.md true to the operator registry. Run with HALO_UPDATE_DOCS=1 to rewrite it.</summary>
[TestFixture]
public sealed class OperatorDocsTests
{
    internal static string Render(OperatorRegistry registry)
    {
        var sb = new StringBuilder();
        sb.Append("# Supported operators\n\n");
        sb.Append("Generated from the operator registry (`OperatorRegistry.Default`) by `Halo.Tests/Docs/OperatorDocsTests.cs`;\n");
        sb.Append("run the tests with `HALO_UPDATE_DOCS=1` to regenerate. Every listed version has a schema (inputs,\n");
        sb.Append("outputs, attributes with defaults, type constraints) and type and shape inference, so the ONNX frontend\n");
        sb.Append("imports, infers and verifies it. *Reference semantics* marks the versions the reference evaluator (and\n");
        sb.Append("constant folding) can compute.\n");
        foreach (var domain in registry.Schemas.GroupBy(s => s.Id.Domain).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append("\n## ").Append(domain.Key.Length == 0 ? "ai.onnx (default domain)" : domain.Key).Append("\n\n");
            sb.Append("| operator | since-versions | reference semantics |\n|---|---|---|\n");
            foreach (var op in domain.GroupBy(s => s.Id.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var versions = op.OrderBy(s => s.Id.SinceVersion).ToList();
                var withSemantics = versions.Where(s => s.Reference is not null).Select(s => s.Id.SinceVersion).ToList();
                sb.Append("| ").Append(op.Key).Append(" | ")
                    .AppendJoin(", ", versions.Select(s => s.Id.SinceVersion)).Append(" | ")
                    .Append(withSemantics.Count == versions.Count ? "all" : withSemantics.Count == 0 ? "–" : string.Join(", ", withSemantics))
                    .Append(" |\n");
            }
        }
        return sb.ToString();
    }

    [Test]
    public void OperatorsDoc_MatchesRegistry()
    {
        string path = Path.Combine(RepositoryPaths.Root, "docs", "operators.md");
        string expected = Render(OperatorRegistry.Default);
        if (Environment.GetEnvironmentVariable("HALO_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }
        Assert.That(File.Exists(path) ? File.ReadAllText(path) : string.Empty, Is.EqualTo(expected),
            "docs/operators.md is out of date: run the tests with HALO_UPDATE_DOCS=1 and commit the file");
    }
}
