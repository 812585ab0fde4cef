using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.Tensor.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Tensor;

/// <summary>Shape, Size, Reshape and Flatten.</summary>
internal static class ReshapeOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        s.Define("Shape", 1, 13).Evaluate(ShapeKernels.Shape).Input("data", "T").Output("shape", "T1")
            .Constraint("T", All).Constraint("T1", TypeSets.Int64).Infer(InferShape);
        s.Define("Shape", 15, 19, 21, 23).Evaluate(ShapeKernels.Shape).Input("data", "T").Output("shape", "T1")
            .Attr("start", AttributeKind.Int, 0L).Attr("end", AttributeKind.Int)
            .Constraint("T", AllIr10).Constraint("T1", TypeSets.Int64).Infer(InferShape);
        s.Define("Size", 1, 13, 19, 21, 23).Evaluate(ShapeKernels.Size).Input("data", "T").Output("size", "T1")
            .Constraint("T", AllIr10).Constraint("T1", TypeSets.Int64)
            .Infer(ctx => ctx.SetOutput(0, ElementType.Int64, Shape.Scalar));

        s.Define("Reshape", 1).Evaluate(ShapeKernels.Reshape).Input("data", "T").Output("reshaped", "T")
            .Attr("shape", AttributeKind.Ints).Attr("consumed_inputs", AttributeKind.Ints)
            .Constraint("T", Float).Infer(InferReshape);
        s.Define("Reshape", 5, 13).Evaluate(ShapeKernels.Reshape).Input("data", "T").Input("shape", "tensor(int64)").Output("reshaped", "T")
            .Constraint("T", All).Infer(InferReshape);
        s.Define("Reshape", 14, 19, 21, 23).Evaluate(ShapeKernels.Reshape).Input("data", "T").Input("shape", "tensor(int64)").Output("reshaped", "T")
            .Attr("allowzero", AttributeKind.Int, 0L).Constraint("T", AllIr10).Infer(InferReshape);

        s.Define("Flatten", 1, 9, 11, 13, 21, 23).Evaluate(ShapeKernels.Flatten).Input("input", "T").Output("output", "T")
            .Attr("axis", AttributeKind.Int, 1L).Constraint("T", AllIr10).Infer(InferFlatten);
    }

    private static void InferShape(InferenceContext ctx)
    {
        var shape = ctx.InputShape(0);
        if (!shape.IsRanked)
        {
            ctx.SetOutput(0, ElementType.Int64, Shape.OfRank(1));
            return;
        }
        int rank = shape.Rank;
        long start = Clamp(ctx.GetInt("start", 0), rank);
        long end = ctx.Attributes.ContainsKey("end") ? Clamp(ctx.GetInt("end", rank), rank) : rank;
        ctx.SetOutput(0, ElementType.Int64, Shape.Of(System.Math.Max(0L, end - start)));
    }

    private static long Clamp(long index, int rank) => System.Math.Clamp(index < 0 ? index + rank : index, 0, rank);

    private static void InferReshape(InferenceContext ctx)
    {
        long[]? target = ctx.Schema.Id.SinceVersion < 5 ? ShapeMath.IntsFrom(ctx, "shape", -1) : ctx.InputInts(1);
        if (target is null)
        {
            if (ctx.Schema.Id.SinceVersion < 5)
            {
                ctx.Fail("the 'shape' attribute is missing");
                return;
            }
            var s = ctx.InputShape(1);
            if (s.IsRanked && s.Rank != 1)
            {
                ctx.Fail($"the shape operand must be 1-D, got rank {s.Rank}");
                return;
            }
            ShapeMath.SetShape(ctx, 0, ShapeMath.RankFromVector(ctx, 1));
            return;
        }
        if (!ShapeMath.CheckRank(ctx, target.Length))
        {
            return;
        }
        if (ReshapeTarget(ctx, ctx.InputShape(0), target, ctx.GetInt("allowzero", 0) != 0) is { } result)
        {
            ShapeMath.SetShape(ctx, 0, result);
        }
    }

    /// <summary>The output shape of reshaping <paramref name="input"/> to <paramref name="target"/>
    /// (0 copies the input dim unless <paramref name="allowZero"/>, -1 is inferred).</summary>
    internal static Shape? ReshapeTarget(InferenceContext ctx, Shape input, long[] target, bool allowZero)
    {
        var dims = new Dimension[target.Length];
        int inferred = -1;
        for (int i = 0; i < target.Length; i++)
        {
            long v = target[i];
            if (v == -1)
            {
                if (inferred >= 0)
                {
                    ctx.Fail("the target shape has more than one -1");
                    return null;
                }
                inferred = i;
            }
            else if (v < -1)
            {
                ctx.Fail($"the target shape has an invalid size {v} at position {i}");
                return null;
            }
            else if (v == 0 && !allowZero)
            {
                if (input.IsRanked && i >= input.Rank)
                {
                    ctx.Fail($"the target shape copies dim {i} (0) but the input has rank {input.Rank}");
                    return null;
                }
                dims[i] = input.IsRanked ? input[i] : Dimension.Unknown;
            }
            else
            {
                dims[i] = ShapeMath.Dim(v);
            }
        }
        if (allowZero && inferred >= 0 && target.Contains(0))
        {
            ctx.Fail("with 'allowzero' the target shape cannot have both 0 and -1");
            return null;
        }
        if (input.IsRanked && !Resolve(ctx, input, dims, inferred))
        {
            return null;
        }
        return Shape.Of(dims);
    }

    /// <summary>Fills the inferred dim and checks the element count, cancelling equal symbols on both sides.</summary>
    private static bool Resolve(InferenceContext ctx, Shape input, Dimension[] dims, int inferred)
    {
        var symbols = new List<string>();
        long inCount = 1;
        bool inKnown = true;
        foreach (var d in input.Dimensions)
        {
            if (d.IsStatic)
            {
                if (!ShapeMath.TryMultiply(inCount, d.Value, out inCount))
                {
                    ctx.Fail($"the element count of {input} overflows");
                    return false;
                }
            }
            else if (d.IsSymbolic)
            {
                symbols.Add(d.Symbol!);
            }
            else
            {
                inKnown = false;
            }
        }
        long outCount = 1;
        bool outKnown = true;
        for (int i = 0; i < dims.Length; i++)
        {
            var d = dims[i];
            if (i == inferred)
            {
                continue;
            }
            if (d.IsStatic)
            {
                if (!ShapeMath.TryMultiply(outCount, d.Value, out outCount))
                {
                    ctx.Fail($"the element count of the target shape {Shape.Of(dims)} overflows");
                    return false;
                }
            }
            else if (!d.IsSymbolic || !symbols.Remove(d.Symbol!))
            {
                outKnown = false;
            }
        }
        bool comparable = inKnown && outKnown && symbols.Count == 0;
        if (inferred >= 0)
        {
            if (comparable && outCount == 0)
            {
                dims[inferred] = inCount == 0 ? Dimension.Unknown : ShapeMath.Dim(0);
                if (inCount != 0)
                {
                    ctx.Fail("the -1 dim cannot be inferred: the other target dims multiply to 0");
                    return false;
                }
                return true;
            }
            if (comparable && inCount % outCount != 0)
            {
                ctx.Fail($"cannot reshape {input} to {Shape.Of(dims)}: {inCount} elements are not a multiple of {outCount}");
                return false;
            }
            dims[inferred] = comparable ? ShapeMath.Dim(inCount / outCount) : Dimension.Unknown;
            return true;
        }
        if (comparable && inCount != outCount)
        {
            ctx.Fail($"cannot reshape {input} ({inCount} elements) to {Shape.Of(dims)} ({outCount} elements)");
            return false;
        }
        return true;
    }

    private static void InferFlatten(InferenceContext ctx)
    {
        var shape = ctx.InputShape(0);
        if (!shape.IsRanked)
        {
            ShapeMath.SetShape(ctx, 0, Shape.OfRank(2));
            return;
        }
        long axis = ctx.GetInt("axis", 1);
        int rank = shape.Rank;
        if (axis < -rank || axis > rank)
        {
            ctx.Fail($"axis {axis} is out of range [{-rank}, {rank}]");
            return;
        }
        int a = (int)(axis < 0 ? axis + rank : axis);
        ShapeMath.SetShape(ctx, 0, Shape.Of(ShapeMath.Product(shape, 0, a), ShapeMath.Product(shape, a, rank)));
    }
}
