using System.Collections.Immutable;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators;
using Halo.Core.Semantics;

namespace Halo.Passes.Layout;

/// <summary>Builds Transpose operations, composing a transpose of a transpose into one and dropping identities;
/// constants are transposed at compile time.</summary>
internal sealed class Transposes(OperatorRegistry registry, long opset)
{
    private readonly ReferenceEvaluator _evaluator = new(registry);

    /// <summary>[0, 2, ..., r-1, 1]: channel-first to channel-last.</summary>
    public static long[] ToChannelLast(int rank) => [0, .. Enumerable.Range(2, rank - 2).Select(i => (long)i), 1];

    /// <summary>[0, r-1, 1, ..., r-2]: channel-last to channel-first.</summary>
    public static long[] ToChannelFirst(int rank) => [0, rank - 1, .. Enumerable.Range(1, rank - 2).Select(i => (long)i)];

    /// <summary>The inverse permutation.</summary>
    public static long[] Inverse(long[] perm)
    {
        var inverse = new long[perm.Length];
        for (int i = 0; i < perm.Length; i++)
        {
            inverse[perm[i]] = i;
        }
        return inverse;
    }

    /// <summary>Whether <paramref name="value"/> comes from an ONNX Transpose; gives its operand and permutation.</summary>
    public static bool TryMatch(ValueRef value, out ValueRef operand, out long[] perm)
    {
        operand = default;
        perm = [];
        if (value.Producer is not GreenOp { Operator: { Name: "Transpose", Domain: "" } } op || op.Inputs.Length != 1
            || op.Inputs[0].Type is not TensorType { Shape: { IsRanked: true } shape })
        {
            return false;
        }
        operand = op.Inputs[0];
        perm = op.Attributes.GetInts("perm") is { } p ? [.. p] : [.. Enumerable.Range(0, shape.Rank).Select(i => (long)(shape.Rank - 1 - i))];
        return perm.Length == shape.Rank;
    }

    /// <summary>Transpose(<paramref name="value"/>, <paramref name="perm"/>), composed with a transpose that produces
    /// <paramref name="value"/>; the value itself when the result is the identity.</summary>
    public ValueRef Create(ValueRef value, long[] perm)
    {
        if (TryMatch(value, out var inner, out var innerPerm))
        {
            // Transpose(Transpose(u, r), p) = Transpose(u, c) with c[i] = r[p[i]].
            perm = [.. perm.Select(p => innerPerm[p])];
            value = inner;
        }
        if (perm.Select((p, i) => p == i).All(b => b))
        {
            return value;
        }
        var attributes = AttributeMap.Create([new("perm", AttributeValue.FromInts([.. perm]))]);
        var schema = registry.TryResolve(OperatorId.DefaultDomain, "Transpose", opset, out var s) ? s
            : throw new InvalidOperationException("The registry has no Transpose operator.");
        if (value.Producer is GreenConstant { Data: { } data })
        {
            var result = _evaluator.EvaluateOperation(schema, attributes, [new TensorType(data.ElementType, Shape.Unranked)],
                [new TensorValue(data)], ImmutableDictionary<string, RuntimeValue>.Empty);
            return new GreenConstant(((TensorValue)result[0]).Data).Output(0);
        }
        return OperatorRegistry.CreateOp(schema, [value], attributes, 1, out _).Output(0);
    }
}
