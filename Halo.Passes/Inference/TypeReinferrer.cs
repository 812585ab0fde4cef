using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.Operators;

namespace Halo.Passes.Inference;

/// <summary>
/// Re-runs type and shape inference over a graph whose operands changed (pinned input shapes, inputs replaced by
/// constants): every operation is rebuilt from its schema with its current operands, in topological order, and
/// kept as the same green node when its types come out unchanged. Not thread-safe; one rewrite at a time.
/// </summary>
/// <param name="registry">The operator schemas.</param>
public sealed class TypeReinferrer(OperatorRegistry registry) : GraphRewriter
{
    private readonly List<string> _errors = [];

    /// <summary>Inference errors met during the last rewrite, each prefixed with the operator.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <inheritdoc />
    protected override ImmutableArray<ValueRef> RewriteNode(Node original, GreenNode updated)
    {
        ArgumentNullException.ThrowIfNull(original);
        if (updated is not GreenOp op || !registry.TryGetSchema(op.Operator, out var schema))
        {
            return default;
        }
        var inferred = OperatorRegistry.CreateOp(schema, op.Inputs, op.Attributes, op.OutputTypes.Length, out var errors);
        _errors.AddRange(errors.Select(e => op.Operator + ": " + e));
        if (inferred.OutputTypes.SequenceEqual(op.OutputTypes))
        {
            return default;
        }
        // CreateOp builds from the schema alone: keep the implicit inputs (outer values captured by If/Loop/Scan
        // bodies), or the captured values lose their last user and their names (HALO2008 on re-verification).
        var retyped = op.WithOutputTypes(inferred.OutputTypes);
        return [.. Enumerable.Range(0, retyped.OutputTypes.Length).Select(retyped.Output)];
    }
}
