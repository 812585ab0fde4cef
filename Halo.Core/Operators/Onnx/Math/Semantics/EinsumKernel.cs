using System.Numerics;
using Halo.Core.IR;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Math.Semantics;

/// <summary>Reference kernel of Einsum: explicit or implicit output, repeated labels (diagonals), broadcast
/// ellipsis; every label combination is visited once (a reference, not a contraction planner).</summary>
internal static class EinsumKernel
{
    /// <summary>Einsum of any number of operands.</summary>
    public static void Einsum(EvaluationContext ctx)
    {
        string equation = (ctx.GetString("equation", string.Empty) ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        var operands = new List<TensorData>();
        for (int i = 0; i < ctx.InputCount; i++)
        {
            operands.Add(ctx.Tensor(i));
        }
        var plan = EinsumPlan.Create(ctx, equation, operands);
        var type = Numbers.OutputType(ctx, 0);
        if (Numbers.IsFloat(type))
        {
            var r = Run(ctx, plan, [.. operands.Select(Numbers.ReadDoubles)]);
            ctx.SetOutput(0, Numbers.FromDoubles(type, r, [.. plan.OutputDims]));
            return;
        }
        var l = Run(ctx, plan, [.. operands.Select(Numbers.ReadLongs)]);
        ctx.SetOutput(0, Numbers.FromLongs(type, l, [.. plan.OutputDims]));
    }

    private static T[] Run<T>(EvaluationContext ctx, EinsumPlan plan, T[][] inputs)
        where T : INumber<T>
    {
        var result = new T[Numbers.Count(ctx, plan.OutputDims)];
        long total = 1;
        foreach (long s in plan.Sizes)
        {
            total *= s;
        }
        if (total == 0)
        {
            return result;
        }
        var counter = new long[plan.Sizes.Length];
        var offsets = new long[inputs.Length];
        long outOffset = 0;
        for (long n = 0; n < total; n++)
        {
            T p = T.One;
            for (int k = 0; k < inputs.Length; k++)
            {
                p *= inputs[k][offsets[k]];
            }
            result[outOffset] += p;
            outOffset = Advance(plan, counter, offsets, outOffset);
        }
        return result;
    }

    /// <summary>Steps the label counter like an odometer, updating the operand offsets; returns the result offset.</summary>
    private static long Advance(EinsumPlan plan, long[] counter, long[] offsets, long outOffset)
    {
        for (int d = counter.Length - 1; d >= 0; d--)
        {
            counter[d]++;
            outOffset += plan.OutputStrides[d];
            for (int k = 0; k < offsets.Length; k++)
            {
                offsets[k] += plan.InputStrides[k][d];
            }
            if (counter[d] < plan.Sizes[d])
            {
                break;
            }
            outOffset -= plan.OutputStrides[d] * counter[d];
            for (int k = 0; k < offsets.Length; k++)
            {
                offsets[k] -= plan.InputStrides[k][d] * counter[d];
            }
            counter[d] = 0;
        }
        return outOffset;
    }
}
