using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators;
using Halo.Core.Semantics;

namespace Halo.Passes.Folding;

/// <summary>The rewriter behind <see cref="FoldConstants"/>. Not thread-safe; one rewrite at a time.</summary>
/// <param name="registry">The operator schemas (with reference semantics).</param>
internal sealed class ConstantFolder(OperatorRegistry registry) : GraphRewriter
{
    /// <summary>Results larger than this many elements are not materialized (they would bloat the model).</summary>
    private const long MaxFoldedElements = 1 << 20;

    private static readonly HashSet<string> s_nondeterministic = new(StringComparer.Ordinal)
    {
        "RandomNormal", "RandomUniform", "RandomNormalLike", "RandomUniformLike", "Bernoulli", "Multinomial", "Dropout",
    };

    private readonly ReferenceEvaluator _evaluator = new(registry);

    public List<(GreenOp Op, string Message)> Failures { get; } = [];

    protected override ImmutableArray<ValueRef> RewriteNode(Node original, GreenNode updated)
    {
        ArgumentNullException.ThrowIfNull(original);
        return updated is GreenOp op ? Settle(op, (GreenOp)original.Green, original.Graph) : default;
    }

    /// <summary>
    /// Settles one operation whose operands are already settled: re-infers its types when its operands changed,
    /// inlines an If whose condition is constant, or folds it. Default when <paramref name="op"/> stays as it is.
    /// </summary>
    /// <param name="op">The operation with its current operands.</param>
    /// <param name="originalOp">The same operation in <paramref name="originalGraph"/>, before its operands changed.</param>
    /// <param name="originalGraph">The graph (or subgraph) that holds <paramref name="originalOp"/>.</param>
    internal ImmutableArray<ValueRef> Settle(GreenOp op, GreenOp originalOp, Graph originalGraph)
    {
        // Operands folded earlier in this walk may have refined types (a Reshape whose target became a constant):
        // re-infer before deciding, so that one walk settles a whole Shape → Gather → Concat → Reshape chain.
        var current = ReferenceEquals(op, originalOp) ? op : Reinfer(op);
        if (!current.ImplicitInputs.IsEmpty || current.Attributes.Values.Any(v => !v.Subgraphs.IsEmpty))
        {
            var inliner = new SubgraphInliner(this);
            var inlined = IfInliner.TryInline(inliner, current, originalOp, originalGraph);
            inlined = inlined.IsDefault ? new LoopUnroller(inliner, registry).TryUnroll(current, originalOp, originalGraph) : inlined;
            inlined = inlined.IsDefault ? new ScanUnroller(inliner, registry).TryUnroll(current, originalOp, originalGraph) : inlined;
            if (!inlined.IsDefault)
            {
                return inlined;
            }
        }
        var folded = Fold(current, originalOp);
        if (!folded.IsDefault)
        {
            return folded;
        }
        return ReferenceEquals(current, op) ? default : [.. Enumerable.Range(0, current.OutputTypes.Length).Select(current.Output)];
    }

    /// <summary>The operation with the types its schema infers from its current operands; unchanged when inference
    /// fails (the operands are then reported by the verifier, not here).</summary>
    private GreenOp Reinfer(GreenOp op)
    {
        if (!registry.TryGetSchema(op.Operator, out var schema))
        {
            return op;
        }
        var inferred = OperatorRegistry.CreateOp(schema, op.Inputs, op.Attributes, op.OutputTypes.Length, out var errors);
        // The implicit inputs (outer values that If/Loop/Scan bodies capture) are not the schema's business: keep them.
        return errors.IsEmpty ? op.WithOutputTypes(inferred.OutputTypes) : op;
    }

    /// <summary>The constants that replace the outputs of <paramref name="op"/>, or default when it cannot be folded.</summary>
    /// <param name="op">The operation to fold.</param>
    /// <param name="reportAs">The node of the input graph that a failure names.</param>
    private ImmutableArray<ValueRef> Fold(GreenOp op, GreenOp reportAs)
    {
        if (s_nondeterministic.Contains(op.Operator.Name) || !op.ImplicitInputs.IsEmpty
            || op.Attributes.Values.Any(v => !v.Subgraphs.IsEmpty))
        {
            return default;
        }
        if (FoldShape(op) is { } shape)
        {
            return [new GreenConstant(shape).Output(0)];
        }
        if (op.Inputs.Any(i => !i.IsNone && i.Producer is not GreenConstant { Data: not null })
            || !registry.TryGetSchema(op.Operator, out var schema) || schema.Reference is null)
        {
            return default;
        }
        var inputs = op.Inputs.Select(i => i.IsNone ? null : (RuntimeValue)new TensorValue(((GreenConstant)i.Producer!).Data!)).ToImmutableArray();
        try
        {
            var results = _evaluator.EvaluateOperation(schema, op.Attributes, op.OutputTypes, inputs, ImmutableDictionary<string, RuntimeValue>.Empty);
            if (results.Any(r => r is not TensorValue { Data.ElementCount: <= MaxFoldedElements }))
            {
                return default;
            }
            return [.. results.Select(r => new GreenConstant(((TensorValue)r).Data).Output(0))];
        }
        catch (EvaluationException e)
        {
            Failures.Add((reportAs, e.Message));
            return default;
        }
    }

    /// <summary>Shape (with start/end) and Size of an operand of static shape, whatever its values.</summary>
    private static TensorData? FoldShape(GreenOp op)
    {
        if (op.Operator.Domain.Length != 0 || op.Inputs.Length != 1 || op.Inputs[0].IsNone
            || op.Inputs[0].Type is not TensorType { Shape.IsStatic: true } t)
        {
            return null;
        }
        long[] dims = t.Shape.ToSizes();
        switch (op.Operator.Name)
        {
            case "Size":
                return TensorData.FromInt64s([t.Shape.ElementCount ?? 0]);
            case "Shape":
                int rank = dims.Length;
                int start = Clamp(op.Attributes.GetInt("start", 0), rank);
                int end = Clamp(op.Attributes.GetInt("end", rank), rank);
                long[] slice = end > start ? dims[start..end] : [];
                return TensorData.FromInt64s(slice, slice.Length);
            default:
                return null;
        }
    }

    private static int Clamp(long axis, int rank) => (int)Math.Clamp(axis < 0 ? axis + rank : axis, 0, rank);
}
