using Halo.Frontends.TensorFlow.Operators;
using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Frontends.TensorFlow;

/// <summary>Keeps docs/frontends/tensorflow.md true to the converter table.</summary>
[TestFixture]
public sealed class TensorFlowDocsTests
{
    [Test]
    public void Docs_SupportedOperatorTable_ListsEveryConverterAndNothingElse()
    {
        string text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "frontends", "tensorflow.md"));
        string table = text[text.IndexOf("## Supported operators", StringComparison.Ordinal)..text.IndexOf("Operands that ONNX", StringComparison.Ordinal)];
        var documented = table.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(l => l.Split('|')[1].Split(',').Select(n => n.Trim().Trim('`')))
            .ToList();

        Assert.That(documented, Is.EquivalentTo(TensorFlowOperatorTable.Default.OpNames));
    }
}
