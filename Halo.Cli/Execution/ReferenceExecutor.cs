using System.Collections.Immutable;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.Operators;
using Halo.Core.Semantics;

namespace Halo.Cli.Execution;

/// <summary>The <c>reference</c> backend: the operators' reference semantics (exact to the specification, slow).</summary>
internal sealed class ReferenceExecutor(OperatorRegistry registry) : IModelExecutor
{
    public string Name => "reference";

    public IPreparedModel? Prepare(HaloModel model, DiagnosticBag diagnostics)
    {
        bool ok = true;
        var work = new Stack<Graph>([model.Graph]);
        while (work.Count > 0)
        {
            var graph = work.Pop();
            foreach (var op in graph.TopologicalOrder.OfType<GreenOp>())
            {
                if (!registry.TryGetSchema(op.Operator, out var schema) || schema.Reference is null)
                {
                    var location = graph.LocationOf(op) with { NodeName = graph.NodeNameOf(op), Operator = op.Operator.Name };
                    diagnostics.Report(ExecutionDiagnostics.NoReferenceSemantics, location with { FilePath = model.SourcePath }, op.Operator, Name);
                    ok = false;
                }
                foreach (var sub in op.Attributes.Values.SelectMany(v => v.Subgraphs))
                {
                    work.Push(sub);
                }
            }
        }
        return ok ? new Prepared(new ReferenceEvaluator(registry), model.Graph) : null;
    }

    private sealed class Prepared(ReferenceEvaluator evaluator, Graph graph) : IPreparedModel
    {
        public ImmutableArray<RuntimeValue> Run(IReadOnlyList<RuntimeValue> inputs) => evaluator.Evaluate(graph, inputs);

        public void Dispose()
        {
        }
    }
}
