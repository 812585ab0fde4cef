using Halo.Core.IR.Types;

namespace Halo.Core.Operators.Onnx.Math;

/// <summary>Shape inference of the reductions: axes from an attribute or a constant input, keepdims, noop_with_empty_axes.</summary>
internal static class ReduceInference
{
    public static void FromAttribute(InferenceContext ctx)
    {
        var axes = ctx.GetInts("axes");
        Reduce(ctx, axes is { IsEmpty: false } a ? [.. a] : null, noop: false);
    }

    public static void FromInput(InferenceContext ctx)
    {
        bool noop = ctx.GetInt("noop_with_empty_axes", 0) != 0;
        if (!ctx.HasInput(1))
        {
            Reduce(ctx, null, noop);
            return;
        }
        if (ctx.InputInts(1) is { } values)
        {
            Reduce(ctx, values.Length == 0 ? null : values, noop);
            return;
        }
        var axesShape = ctx.InputShape(1);
        if (axesShape.IsRanked && axesShape.Rank != 1)
        {
            ctx.Fail($"axes must be 1-D, got shape {axesShape}");
            return;
        }
        if (axesShape.IsStatic && axesShape[0].Value == 0)
        {
            Reduce(ctx, null, noop);
            return;
        }
        var data = ctx.InputShape(0);
        bool keep = ctx.GetInt("keepdims", 1) != 0;
        if (!data.IsRanked)
        {
            ctx.SetOutputShape(0, Shape.Unranked);
        }
        else if (keep)
        {
            ctx.SetOutputShape(0, Shape.OfRank(data.Rank));
        }
        else
        {
            // Without the axis values the rank is unknown: a repeated axis drops one dimension, not two.
            ctx.SetOutputShape(0, Shape.Unranked);
        }
    }

    /// <summary>Reduces <paramref name="axes"/> (null: all, or none when <paramref name="noop"/>).</summary>
    private static void Reduce(InferenceContext ctx, long[]? axes, bool noop)
    {
        var data = ctx.InputShape(0);
        bool keep = ctx.GetInt("keepdims", 1) != 0;
        if (axes is null && noop)
        {
            ctx.SetOutputShape(0, data);
            return;
        }
        if (!data.IsRanked)
        {
            ctx.SetOutputShape(0, axes is null && !keep ? Shape.Scalar : Shape.Unranked);
            return;
        }
        var reduced = new bool[data.Rank];
        if (axes is null)
        {
            Array.Fill(reduced, true);
        }
        else
        {
            foreach (long axis in axes)
            {
                if (!ShapeHelpers.TryNormalizeAxis(axis, data.Rank, out int a))
                {
                    ctx.Fail($"axis {axis} is out of range for rank {data.Rank}");
                    return;
                }
                // ONNX: a repeated axis (1 and -1 on rank 2) is not rejected by the reference inference; reduce it once.
                reduced[a] = true;
            }
        }
        var dims = new List<Dimension>(data.Rank);
        for (int i = 0; i < data.Rank; i++)
        {
            if (!reduced[i])
            {
                dims.Add(data[i]);
            }
            else if (keep)
            {
                dims.Add(Dimension.Of(1));
            }
        }
        ctx.SetOutputShape(0, MathInference.ShapeOf(dims));
    }

    /// <summary>ArgMax/ArgMin: one axis, int64 indices.</summary>
    public static void ArgReduce(InferenceContext ctx)
    {
        var data = ctx.InputShape(0);
        if (!data.IsRanked)
        {
            return;
        }
        long axis = ctx.GetInt("axis", 0);
        if (!ShapeHelpers.TryNormalizeAxis(axis, data.Rank, out int a))
        {
            ctx.Fail($"axis {axis} is out of range for rank {data.Rank}");
            return;
        }
        bool keep = ctx.GetInt("keepdims", 1) != 0;
        var dims = new List<Dimension>(data.Rank);
        for (int i = 0; i < data.Rank; i++)
        {
            if (i != a)
            {
                dims.Add(data[i]);
            }
            else if (keep)
            {
                dims.Add(Dimension.Of(1));
            }
        }
        ctx.SetOutputShape(0, MathInference.ShapeOf(dims));
    }
}
