using Halo.Backends.Odla;
using Halo.Core.Compilation;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Halo.Tests.Backends.Odla;

[TestFixture]
[Explicit]
public sealed class ZzProbeScratch
{
    [Test]
    public void Probe()
    {
        var services = new ServiceCollection();
        services.AddHalo(h => h.AddOnnx().AddTensorFlow().AddStandardPasses());
        var pipeline = services.BuildServiceProvider().GetRequiredService<CompilationPipeline>();
        using var w = new StreamWriter("/tmp/shapes-probe.txt");
        foreach (string name in File.ReadAllLines("/tmp/shapes-cases.txt").Where(l => l.Length > 0))
        {
            string dir = Path.Combine(RepositoryPaths.Corpora, "onnx-node", name);
            var compilation = pipeline.CreateCompilation(Path.Combine(dir, "model.onnx"), options: null);
            var model = compilation.GetModel();
            w.WriteLine("== " + name + " " + string.Join("; ", compilation.GetDiagnostics().Select(d => d.ToString())));
            if (model is null) { continue; }
            var bound = OdlaReferenceInputBinder.Bind(dir, compilation.GetImportedModel()!, pipeline);
            var graph = bound?.Model.Graph ?? model.Graph;
            w.WriteLine("bound=" + (bound is not null) + " inputs: " + string.Join(", ", graph.Inputs.Select(i => i.Type.ToString())));
            int n = 0;
            foreach (var op in graph.TopologicalOrder.OfType<GreenOp>())
            {
                if (op.OutputTypes.Any(t => t is not TensorType { Shape.IsStatic: true }) && n++ < 4)
                {
                    w.WriteLine($"  {op.Operator.Name} ({graph.NodeNameOf(op)}) in: {string.Join(", ", op.Inputs.Select(i => i.IsNone ? "-" : (i.Producer is GreenConstant ? "const " : "") + i.Type))} out: {string.Join(", ", op.OutputTypes)}");
                }
            }
            var gen = new OdlaCodeGenerator().Generate(graph, new OdlaCodeGenOptions { EntryFunctionName = "probe" });
            foreach (var d in gen.Diagnostics.Where(d => d.IsError).Take(2)) { w.WriteLine("  gen: " + d); }
        }
    }
}
