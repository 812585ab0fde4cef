using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.Tensor.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Tensor;

/// <summary>Concat and Split.</summary>
internal static class ConcatSplitOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        s.Define("Concat", 1).Evaluate(ConcatSplitKernels.Concat).VariadicInput("inputs", "T").Output("concat_result", "T").Attr("axis", AttributeKind.Int, 1L)
            .Constraint("T", Float).Infer(InferConcat);
        s.Define("Concat", 4, 11, 13).Evaluate(ConcatSplitKernels.Concat).VariadicInput("inputs", "T").Output("concat_result", "T")
            .RequiredAttr("axis", AttributeKind.Int).Constraint("T", All).Infer(InferConcat);

        s.Define("Split", 1).Evaluate(ConcatSplitKernels.Split).Input("input", "T").OptionalInput("split", "T").VariadicOutput("outputs", "T")
            .Attr("axis", AttributeKind.Int, 0L).Attr("split", AttributeKind.Ints).Constraint("T", Float).Infer(InferSplit);
        s.Define("Split", 2, 11).Evaluate(ConcatSplitKernels.Split).Input("input", "T").VariadicOutput("outputs", "T")
            .Attr("axis", AttributeKind.Int, 0L).Attr("split", AttributeKind.Ints).Constraint("T", All).Infer(InferSplit);
        s.Define("Split", 13).Evaluate(ConcatSplitKernels.Split).Input("input", "T").OptionalInput("split", "tensor(int64)").VariadicOutput("outputs", "T")
            .Attr("axis", AttributeKind.Int, 0L).Constraint("T", All).Infer(InferSplit);
        s.Define("Split", 18).Evaluate(ConcatSplitKernels.Split).Input("input", "T").OptionalInput("split", "tensor(int64)").VariadicOutput("outputs", "T")
            .Attr("axis", AttributeKind.Int, 0L).Attr("num_outputs", AttributeKind.Int).Constraint("T", All).Infer(InferSplit);
    }

    private static void InferConcat(InferenceContext ctx)
    {
        var ranked = new List<Shape>();
        for (int i = 0; i < ctx.InputCount; i++)
        {
            if (ctx.HasInput(i) && ctx.InputShape(i) is { IsRanked: true } s)
            {
                ranked.Add(s);
            }
        }
        if (ranked.Count == 0)
        {
            return;
        }
        int rank = ranked[0].Rank;
        if (ranked.Any(s => s.Rank != rank))
        {
            ctx.Fail($"all inputs must have the same rank, got {string.Join(", ", ranked)}");
            return;
        }
        if (!ShapeMath.TryAxis(ctx, ctx.GetInt("axis", 1), rank, out int axis))
        {
            return;
        }
        var dims = ShapeMath.Dims(ranked[0]);
        var sum = ShapeMath.Dim(0);
        foreach (var s in ranked)
        {
            for (int k = 0; k < rank; k++)
            {
                if (k != axis && !ShapeMath.TryUnify(dims[k], s[k], out dims[k]))
                {
                    ctx.Fail($"inputs differ in dim {k} outside the concatenation axis: {string.Join(", ", ranked)}");
                    return;
                }
            }
            sum = ShapeMath.Add(sum, s[axis]);
        }
        bool allRanked = ranked.Count == Enumerable.Range(0, ctx.InputCount).Count(ctx.HasInput);
        dims[axis] = allRanked ? sum : Dimension.Unknown;
        ShapeMath.SetShape(ctx, 0, Shape.Of(dims));
    }

    private static void InferSplit(InferenceContext ctx)
    {
        var shape = ctx.InputShape(0);
        int version = ctx.Schema.Id.SinceVersion;
        bool splitInput = version == 1 || version >= 13;
        long[]? split = ctx.Attributes.ContainsKey("split") ? ShapeMath.IntsFrom(ctx, "split", -1)
            : splitInput ? ctx.InputInts(1) : null;
        bool hasSplit = ctx.Attributes.ContainsKey("split") || (splitInput && ctx.HasInput(1));
        int n = ctx.OutputCount;
        if (n == 0)
        {
            return;
        }
        if (ctx.Attributes.ContainsKey("num_outputs"))
        {
            if (hasSplit)
            {
                ctx.Fail("'split' and 'num_outputs' cannot both be given");
                return;
            }
            if (ctx.GetInt("num_outputs", n) != n)
            {
                ctx.Fail($"'num_outputs' is {ctx.GetInt("num_outputs", n)} but the node has {n} outputs");
                return;
            }
        }
        if (!shape.IsRanked || !ShapeMath.TryAxis(ctx, ctx.GetInt("axis", 0), shape.Rank, out int axis))
        {
            return;
        }
        var dim = shape[axis];
        Dimension[]? sizes = hasSplit ? FromSplit(ctx, split, dim, n) : EqualParts(ctx, dim, n, version >= 18);
        if (sizes is null)
        {
            return;
        }
        for (int i = 0; i < n; i++)
        {
            var dims = ShapeMath.Dims(shape);
            dims[axis] = sizes[i];
            ShapeMath.SetShape(ctx, i, Shape.Of(dims));
        }
    }

    private static Dimension[]? FromSplit(InferenceContext ctx, long[]? split, Dimension dim, int n)
    {
        if (split is null)
        {
            return [.. Enumerable.Repeat(Dimension.Unknown, n)];
        }
        if (split.Length != n)
        {
            ctx.Fail($"'split' has {split.Length} entries but the node has {n} outputs");
            return null;
        }
        long total = 0;
        foreach (long v in split)
        {
            if (v < 0 || v > long.MaxValue - total)
            {
                ctx.Fail($"'split' has an invalid size {v}");
                return null;
            }
            total += v;
        }
        if (dim.IsStatic && total != dim.Value)
        {
            ctx.Fail($"'split' sizes add up to {total} but the axis has {dim.Value}");
            return null;
        }
        return [.. split.Select(ShapeMath.Dim)];
    }

    private static Dimension[]? EqualParts(InferenceContext ctx, Dimension dim, int n, bool unevenLast)
    {
        if (n == 1)
        {
            return [dim];
        }
        if (!dim.IsStatic)
        {
            return [.. Enumerable.Repeat(Dimension.Unknown, n)];
        }
        long d = dim.Value;
        if (d % n == 0)
        {
            return [.. Enumerable.Repeat(ShapeMath.Dim(d / n), n)];
        }
        long chunk = (d + n - 1) / n;
        if (!unevenLast || chunk * (n - 1) > d)
        {
            ctx.Fail($"an axis of {d} cannot be split into {n} parts");
            return null;
        }
        var result = Enumerable.Repeat(ShapeMath.Dim(chunk), n).ToArray();
        result[^1] = ShapeMath.Dim(d - (chunk * (n - 1)));
        return result;
    }
}
