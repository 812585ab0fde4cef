using System.Collections.Immutable;
using Halo.Core.Compilation;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;
using Halo.Passes.Inference;

namespace Halo.Cli.Execution;

/// <summary>
/// ODLA code needs static shapes and constant operands, but many test cases pass shape operands (axes, pads,
/// repeats, sizes, Resize's float scales) and scalar bounds as graph inputs. For a case whose model cannot become
/// ODLA code as it is, <c>halo check --backend odla-reference</c> binds as constants the inputs that are equal in
/// every data set of the case folder and are small integer tensors, scalars, or feed an operand that determines a
/// result's shape (<see cref="ShapeOperands"/>), and runs the standard passes again: the code is specialized on the
/// case's data, as a deployment with fixed shapes would be. The bound inputs are dropped from the call
/// (<see cref="OdlaBoundInputsModel"/>).
/// </summary>
internal static class OdlaCaseInputBinder
{
    // Shape operands are short; longer integer inputs are data.
    private const int MaxBoundElements = 64;

    /// <summary>The specialized model and the indices of the inputs it still takes, or null when no input can be bound.</summary>
    public static (HaloModel Model, ImmutableArray<int> KeptInputs)? Bind(string caseDir, HaloModel imported, CompilationPipeline pipeline)
    {
        var graph = imported.Graph;
        var sets = Directory.GetDirectories(caseDir, "test_data_set_*").Order(StringComparer.Ordinal).ToList();
        var bound = new Dictionary<GreenInput, TensorData>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < graph.Inputs.Length; i++)
        {
            var input = graph.Inputs[i];
            if ((IsOperandLike(input.Type) || FeedsShapeOperand(graph, input)) && SameInEverySet(sets, i, input.Type) is { } data && data.ElementCount <= MaxBoundElements)
            {
                bound[input] = data;
            }
        }
        if (bound.Count == 0)
        {
            return null;
        }
        // The operands became constants: re-infer so that their consumers' shapes (Reshape, Resize, Reduce*) become static.
        var rewritten = new TypeReinferrer(pipeline.Registry).Rewrite(new Binder(bound).Rewrite(graph));
        var kept = Enumerable.Range(0, graph.Inputs.Length).Where(i => !bound.ContainsKey(graph.Inputs[i])).ToImmutableArray();
        var specialized = imported.WithGraph(rewritten.WithInputs([.. kept.Select(i => graph.Inputs[i])]));
        var compilation = pipeline.CreateCompilation(specialized, options: null);
        return compilation.GetModel() is { } model && !compilation.GetDiagnostics().Any(d => d.IsError) ? (model, kept) : null;
    }

    /// <summary>Integer tensors (axes, pads, sizes...) and scalars (Clip's bounds, Pad's value).</summary>
    private static bool IsOperandLike(IrType type) => type is TensorType { ElementType: ElementType.Int64 or ElementType.Int32 }
        || (type is TensorType { Shape: { IsRanked: true, Rank: 0 }, ElementType: not ElementType.String });

    /// <summary>Whether some consumer takes the input as an operand that determines a result's shape.</summary>
    private static bool FeedsShapeOperand(Graph graph, GreenInput input) => input.Type is TensorType { ElementType: not ElementType.String }
        && graph.GetNode(input).Users.Any(u => u.Consumer.Green is GreenOp op && op.Operator.Domain.Length == 0
            && u.InputIndex < op.Inputs.Length && ShapeOperands.Contains(op.Operator.Name, u.InputIndex));

    private static TensorData? SameInEverySet(List<string> sets, int index, IrType type)
    {
        TensorData? first = null;
        foreach (string set in sets)
        {
            var bag = new DiagnosticBag();
            if (LoadedModel.ReadValue(Path.Combine(set, $"input_{index}.pb"), type, bag) is not TensorValue { Data: var data })
            {
                return null;
            }
            if (first is not null && !first.IsEquivalentTo(data))
            {
                return null;
            }
            first ??= data;
        }
        return first;
    }

    private sealed class Binder(Dictionary<GreenInput, TensorData> bound) : GraphRewriter
    {
        protected override ImmutableArray<ValueRef> RewriteNode(Node original, GreenNode updated) =>
            updated is GreenInput input && bound.TryGetValue(input, out var data) ? [new GreenConstant(data).Output(0)] : default;
    }
}
