using Halo.Core.Compilation;
using Halo.Core.IR.Types;
using Halo.Core.Operators;
using Halo.Frontends.Onnx;
using Halo.Frontends.Onnx.Protos;
using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Frontends.Onnx;

/// <summary>Imports every model of the ONNX backend node-test corpus and reads every test data file.</summary>
[TestFixture]
[Category("Conformance")]
public sealed class OnnxCorpusTests
{
    private static string? CorpusDirectory()
    {
        string corpus = Path.Combine(RepositoryPaths.Corpora, "onnx-node");
        return Directory.Exists(corpus) ? corpus : null;
    }

    private static List<string> Cases()
    {
        string? corpus = CorpusDirectory();
        if (corpus is null)
        {
            Assert.Ignore("The onnx-node corpus is not available at ../shared/corpora/onnx-node.");
        }
        return [.. Directory.GetDirectories(corpus!).Where(d => File.Exists(Path.Combine(d, "model.onnx"))).Order(StringComparer.Ordinal)];
    }

    [Test]
    public void Import_EveryCorpusModel_NoExceptionOrInternalError()
    {
        var importer = new OnnxImporter(OperatorRegistry.Default);
        var cases = Cases();
        int clean = 0, withModel = 0;
        var byId = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var internalErrors = new List<string>();
        foreach (string dir in cases)
        {
            ImportResult result = importer.Import(Path.Combine(dir, "model.onnx"));
            clean += result.HasErrors ? 0 : 1;
            withModel += result.Model is null ? 0 : 1;
            foreach (string id in result.Diagnostics.Select(d => d.Id).Distinct())
            {
                byId[id] = byId.GetValueOrDefault(id) + 1;
            }
            internalErrors.AddRange(result.Diagnostics.Where(d => d.Id == "HALO9001").Select(d => Path.GetFileName(dir) + ": " + d));
        }
        TestContext.Out.WriteLine($"{cases.Count} models: {withModel} imported, {clean} without errors; "
            + "models per diagnostic id: " + string.Join(", ", byId.Select(kv => kv.Key + "=" + kv.Value)));
        Assert.That(internalErrors, Is.Empty);
        Assert.That(withModel, Is.EqualTo(cases.Count));
        // The corpus is well-formed: the only frontend diagnostic allowed is an operator the registry lacks;
        // verification and inference findings (HALO2xxx) belong to the operator schemas.
        Assert.That(byId.Keys.Where(id => id.StartsWith("HALO1", StringComparison.Ordinal) && id != "HALO1002"), Is.Empty);
    }

    [Test]
    public void Import_EveryCorpusModelWithPermissiveRegistry_NoErrors()
    {
        var cases = Cases();
        var registry = PermissiveRegistry(cases);
        var importer = new OnnxImporter(registry);
        var failures = new List<string>();
        foreach (string dir in cases)
        {
            var result = importer.Import(Path.Combine(dir, "model.onnx"));
            failures.AddRange(result.Diagnostics.Where(d => d.IsError).Select(d => Path.GetFileName(dir) + ": " + d));
        }
        TestContext.Out.WriteLine($"{cases.Count} models, {registry.Schemas.Length} permissive schemas, {failures.Count} errors");
        Assert.That(failures, Is.Empty);
    }

    /// <summary>A registry that knows every operator the corpus uses (by scanning its models) with any operands
    /// and attributes and outputs of unknown type, so that only the frontend's own checks can fail.</summary>
    private static OperatorRegistry PermissiveRegistry(List<string> cases)
    {
        var ops = new HashSet<(string, string)>();
        foreach (string dir in cases)
        {
            var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(dir, "model.onnx")));
            var nodes = new List<NodeProto>(model.Functions.SelectMany(f => f.Node));
            var graphs = new Stack<GraphProto>([model.Graph]);
            foreach (var sub in nodes.SelectMany(n => n.Attribute).SelectMany(a => a.Graphs.Append(a.G)).OfType<GraphProto>())
            {
                graphs.Push(sub);
            }
            while (graphs.TryPop(out var g))
            {
                nodes.AddRange(g.Node);
                foreach (var sub in g.Node.SelectMany(n => n.Attribute).SelectMany(a => a.Graphs.Append(a.G)).OfType<GraphProto>())
                {
                    graphs.Push(sub);
                }
            }
            ops.UnionWith(nodes.Select(n => (OperatorId.NormalizeDomain(n.Domain), n.OpType)));
        }
        var builder = new OperatorSetBuilder();
        foreach (var (domain, name) in ops)
        {
            builder.Define(domain, name, 1).VariadicInput("inputs", "X", 0, homogeneous: false)
                .VariadicOutput("outputs", "Y", 0, homogeneous: false).AllowUnknownAttributes();
        }
        return builder.Build();
    }

    [Test]
    public void ReadTestData_EveryCorpusFile_Parses()
    {
        var importer = new OnnxImporter(OperatorRegistry.Default);
        int files = 0;
        var kinds = new SortedDictionary<OnnxValueKind, int>();
        var failures = new List<string>();
        foreach (string dir in Cases())
        {
            var graph = importer.Import(Path.Combine(dir, "model.onnx")).Model?.Graph;
            foreach (string set in Directory.GetDirectories(dir, "test_data_set_*"))
            {
                foreach (string file in Directory.GetFiles(set, "*.pb"))
                {
                    files++;
                    var type = ExpectedType(graph, Path.GetFileNameWithoutExtension(file));
                    var result = OnnxTensorFile.Read(file, type);
                    if (result.Value is null || result.HasErrors)
                    {
                        failures.Add($"{Path.GetRelativePath(dir, file)} in {Path.GetFileName(dir)}: {string.Join("; ", result.Diagnostics)}");
                        continue;
                    }
                    kinds[result.Value.Kind] = kinds.GetValueOrDefault(result.Value.Kind) + 1;
                }
            }
        }
        TestContext.Out.WriteLine($"{files} data files: " + string.Join(", ", kinds.Select(kv => kv.Key + "=" + kv.Value)));
        Assert.That(failures, Is.Empty);
        Assert.That(files, Is.GreaterThan(0));
    }

    /// <summary>The declared type of graph input or output K for a file named input_K or output_K.</summary>
    private static IrType? ExpectedType(Halo.Core.IR.Graph? graph, string name)
    {
        if (graph is null)
        {
            return null;
        }
        int underscore = name.LastIndexOf('_');
        if (underscore < 0 || !int.TryParse(name.AsSpan(underscore + 1), System.Globalization.CultureInfo.InvariantCulture, out int k))
        {
            return null;
        }
        return name.StartsWith("input", StringComparison.Ordinal)
            ? (k < graph.Inputs.Length ? graph.Inputs[k].Type : null)
            : (k < graph.Outputs.Length ? graph.Outputs[k].Type : null);
    }
}
