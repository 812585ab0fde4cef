using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Tensor.Semantics;

/// <summary>Reference semantics of the sequence operators.</summary>
internal static class SequenceKernels
{
    public static void SequenceConstruct(EvaluationContext ctx)
    {
        var items = Enumerable.Range(0, ctx.InputCount).Select(i => ctx.Input(i)!).ToImmutableArray();
        ctx.SetOutput(0, new SequenceValue(ElementTypeOf(ctx, items.Length > 0 ? items[0].Type : null), items));
    }

    public static void SequenceEmpty(EvaluationContext ctx) =>
        ctx.SetOutput(0, new SequenceValue(ElementTypeOf(ctx, null), []));

    public static void SequenceAt(EvaluationContext ctx)
    {
        var seq = Sequence(ctx);
        ctx.SetOutput(0, seq.Items[Position(ctx, IndexMath.Longs(ctx.Tensor(1))[0], seq.Items.Length, false)]);
    }

    public static void SequenceInsert(EvaluationContext ctx)
    {
        var seq = Sequence(ctx);
        int n = seq.Items.Length;
        int at = ctx.OptionalTensor(2) is { } p ? Position(ctx, IndexMath.Longs(p)[0], n, true) : n;
        ctx.SetOutput(0, new SequenceValue(seq.ElementType, seq.Items.Insert(at, ctx.Input(1)!)));
    }

    public static void SequenceErase(EvaluationContext ctx)
    {
        var seq = Sequence(ctx);
        int n = seq.Items.Length;
        int at = Position(ctx, ctx.OptionalTensor(1) is { } p ? IndexMath.Longs(p)[0] : -1, n, false);
        ctx.SetOutput(0, new SequenceValue(seq.ElementType, seq.Items.RemoveAt(at)));
    }

    public static void SequenceLength(EvaluationContext ctx) =>
        ctx.SetOutput(0, TensorData.FromInt64s([Sequence(ctx).Items.Length]));

    public static void SplitToSequence(EvaluationContext ctx)
    {
        var data = ctx.Tensor(0);
        int axis = IndexMath.Axis(ctx, ctx.GetInt("axis", 0), data.Dimensions.Length);
        long dim = data.Dimensions[axis];
        TensorData[] pieces;
        if (ctx.OptionalTensor(1) is { } split)
        {
            long[] s = IndexMath.Longs(split);
            long[] sizes = split.Dimensions.Length == 0 ? Chunks(ctx, dim, s[0]) : s;
            if (sizes.Sum() != dim)
            {
                ctx.Fail($"the split sizes do not add up to {dim}");
            }
            pieces = ConcatSplitKernels.Pieces(data, axis, sizes);
        }
        else
        {
            pieces = ConcatSplitKernels.Pieces(data, axis, Chunks(ctx, dim, 1));
            if (ctx.GetInt("keepdims", 1) == 0)
            {
                var dims = data.Dimensions.RemoveAt(axis);
                pieces = [.. pieces.Select(p => ElementWriter.Reshape(p, dims))];
            }
        }
        ctx.SetOutput(0, new SequenceValue(ElementTypeOf(ctx, data.Type), [.. pieces.Select(p => (RuntimeValue)new TensorValue(p))]));
    }

    public static void ConcatFromSequence(EvaluationContext ctx)
    {
        var seq = Sequence(ctx);
        var items = seq.Items.Select(v => v is TensorValue t ? t.Data : throw new EvaluationException("sequence items must be tensors")).ToList();
        if (items.Count == 0)
        {
            ctx.Fail("the sequence is empty");
        }
        long axis = ctx.GetInt("axis", 0);
        if (ctx.GetInt("new_axis", 0) != 0)
        {
            int rank = items[0].Dimensions.Length + 1;
            ctx.SetOutput(0, ControlFlowKernels.Stack(ctx, items, IndexMath.Axis(ctx, axis, rank), 0));
            return;
        }
        ctx.SetOutput(0, ConcatSplitKernels.Join(ctx, items, axis, items[0].ElementType));
    }

    private static long[] Chunks(EvaluationContext ctx, long dim, long size)
    {
        if (size <= 0)
        {
            ctx.Fail("the split size must be positive");
        }
        var sizes = new List<long>();
        for (long at = 0; at < dim; at += size)
        {
            sizes.Add(System.Math.Min(size, dim - at));
        }
        return [.. sizes];
    }

    private static SequenceValue Sequence(EvaluationContext ctx) =>
        ctx.Input(0) as SequenceValue ?? throw new EvaluationException("the first operand must be a sequence");

    private static int Position(EvaluationContext ctx, long position, int count, bool inclusive)
    {
        long p = position < 0 ? position + count : position;
        if (p < 0 || p > count || (!inclusive && p == count))
        {
            ctx.Fail($"position {position} is out of range for a sequence of {count}");
        }
        return (int)p;
    }

    private static IrType ElementTypeOf(EvaluationContext ctx, IrType? fallback) =>
        ctx.OutputTypes[0] is SequenceType s ? s.ElementType : fallback ?? new TensorType(ElementType.Float, Shape.Unranked);
}
