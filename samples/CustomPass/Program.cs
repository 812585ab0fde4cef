using CustomPass;
using Halo.Core.Compilation;
using Halo.Core.IR.Green;
using Microsoft.Extensions.DependencyInjection;

// Compose Halo with the ONNX frontend and the custom pass, compile a model, report what the pass did.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: CustomPass MODEL.onnx");
    return 1;
}
var services = new ServiceCollection();
services.AddHalo(halo => halo.AddOnnx().AddPass<RemoveIdentities>());
var pipeline = services.BuildServiceProvider().GetRequiredService<CompilationPipeline>();

var compilation = pipeline.CreateCompilation(args[0], options: null);
var before = compilation.GetImportedModel();
var after = compilation.GetModel();
foreach (var diagnostic in compilation.GetDiagnostics())
{
    Console.Error.WriteLine(diagnostic);
}
if (before is null || after is null)
{
    return 1;
}
int Count(Halo.Core.IR.Graph g) => g.TopologicalOrder.OfType<GreenOp>().Count();
int shared = after.Graph.TopologicalOrder.Intersect(before.Graph.TopologicalOrder).Count();
Console.WriteLine($"operations: {Count(before.Graph)} -> {Count(after.Graph)}; green nodes shared with the input graph: {shared}");
return 0;
