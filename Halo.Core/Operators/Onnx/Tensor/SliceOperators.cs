using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.Tensor.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Tensor;

/// <summary>Slice (attributes in version 1, operands from 10).</summary>
internal static class SliceOperators
{
    /// <summary>Bounds at least this large (in magnitude) mean "to the end" on a dim of unknown size.</summary>
    private const long OpenBound = int.MaxValue;

    public static void Register(OperatorSetBuilder s)
    {
        s.Define("Slice", 1).Evaluate(MoveKernels.Slice).Input("data", "T").Output("output", "T")
            .Attr("axes", AttributeKind.Ints).RequiredAttr("starts", AttributeKind.Ints).RequiredAttr("ends", AttributeKind.Ints)
            .Constraint("T", All).Infer(InferSlice);
        s.Define("Slice", 10, 11, 13).Evaluate(MoveKernels.Slice).Input("data", "T").Input("starts", "Tind").Input("ends", "Tind")
            .OptionalInput("axes", "Tind").OptionalInput("steps", "Tind").Output("output", "T")
            .Constraint("T", All).Constraint("Tind", TypeSets.Index).Infer(InferSlice);
    }

    private static void InferSlice(InferenceContext ctx)
    {
        var shape = ctx.InputShape(0);
        if (!shape.IsRanked)
        {
            return;
        }
        bool fromAttrs = ctx.Schema.Id.SinceVersion < 10;
        long[]? starts = fromAttrs ? ShapeMath.IntsFrom(ctx, "starts", -1) : ctx.InputInts(1);
        long[]? ends = fromAttrs ? ShapeMath.IntsFrom(ctx, "ends", -1) : ctx.InputInts(2);
        bool hasAxes = fromAttrs ? ctx.Attributes.ContainsKey("axes") : ctx.HasInput(3);
        long[]? axes = fromAttrs ? ShapeMath.IntsFrom(ctx, "axes", -1) : ctx.InputInts(3);
        bool hasSteps = !fromAttrs && ctx.HasInput(4);
        long[]? steps = hasSteps ? ctx.InputInts(4) : null;
        int rank = shape.Rank;
        var dims = ShapeMath.Dims(shape);
        if (hasAxes && axes is null)
        {
            ShapeMath.SetShape(ctx, 0, Shape.OfRank(rank));
            return;
        }
        int[]? normalized = axes is null ? null : ShapeMath.TryAxes(ctx, axes, rank);
        if (axes is not null && normalized is null)
        {
            return;
        }
        if (starts is null || ends is null || (hasSteps && steps is null))
        {
            foreach (int a in normalized ?? Enumerable.Range(0, rank))
            {
                dims[a] = Dimension.Unknown;
            }
            ShapeMath.SetShape(ctx, 0, Shape.Of(dims));
            return;
        }
        normalized ??= [.. Enumerable.Range(0, starts.Length)];
        if (starts.Length != ends.Length || starts.Length != normalized.Length || (steps is not null && steps.Length != starts.Length))
        {
            ctx.Fail($"starts, ends, axes and steps differ in length ({starts.Length}, {ends.Length}, {normalized.Length}, {steps?.Length ?? starts.Length})");
            return;
        }
        for (int i = 0; i < normalized.Length; i++)
        {
            if (normalized[i] >= rank)
            {
                ctx.Fail($"{starts.Length} slice bounds given for rank {rank}");
                return;
            }
            long step = steps?[i] ?? 1;
            if (step == 0)
            {
                ctx.Fail($"step {i} is zero");
                return;
            }
            dims[normalized[i]] = SliceDim(dims[normalized[i]], starts[i], ends[i], step);
        }
        ShapeMath.SetShape(ctx, 0, Shape.Of(dims));
    }

    /// <summary>The length of one sliced dim.</summary>
    internal static Dimension SliceDim(Dimension dim, long start, long end, long step)
    {
        if (!dim.IsStatic)
        {
            bool forwardAll = step == 1 && (start == 0 || start <= -OpenBound) && end >= OpenBound;
            bool backwardAll = step == -1 && (start == -1 || start >= OpenBound) && end <= -OpenBound;
            return forwardAll || backwardAll ? dim : Dimension.Unknown;
        }
        long d = dim.Value;
        if (start < 0)
        {
            start += d;
        }
        if (end < 0)
        {
            end += d;
        }
        long count;
        if (step > 0)
        {
            start = System.Math.Clamp(start, 0, d);
            end = System.Math.Clamp(end, 0, d);
            count = end > start ? ((end - start - 1) / step) + 1 : 0;
        }
        else
        {
            start = System.Math.Clamp(start, 0, d - 1);
            end = System.Math.Clamp(end, -1, d - 1);
            long stride = step == long.MinValue ? long.MaxValue : -step;
            count = start > end ? ((start - end - 1) / stride) + 1 : 0;
        }
        return ShapeMath.Dim(d == 0 ? 0 : count);
    }
}
