using Halo.Core.IR.Types;

namespace Halo.Core.Operators.Onnx.Math;

/// <summary>Shape inference of the matrix operators: numpy matmul, Gemm, Det and Trilu.</summary>
internal static class MatMulInference
{
    /// <summary>Numpy matmul: 1-D operands gain (then lose) a unit dimension, batch dimensions broadcast.</summary>
    public static void MatMul(InferenceContext ctx) => MatMulOf(ctx, 0, 1);

    /// <summary>Numpy matmul of operands <paramref name="left"/> and <paramref name="right"/> into result 0.</summary>
    public static void MatMulOf(InferenceContext ctx, int left, int right)
    {
        var a = ctx.InputShape(left);
        var b = ctx.InputShape(right);
        if (!a.IsRanked || !b.IsRanked)
        {
            return;
        }
        if (a.Rank == 0 || b.Rank == 0)
        {
            ctx.Fail($"MatMul operands must have rank 1 or more, got {a} and {b}");
            return;
        }
        List<Dimension> aDims = a.Rank == 1 ? [Dimension.Of(1), a[0]] : [.. a.Dimensions];
        List<Dimension> bDims = b.Rank == 1 ? [b[0], Dimension.Of(1)] : [.. b.Dimensions];
        if (!MathInference.TryMerge(aDims[^1], bDims[^2], out _))
        {
            ctx.Fail($"MatMul inner dimensions differ: {a} and {b}");
            return;
        }
        var aBatch = MathInference.ShapeOf(aDims.GetRange(0, aDims.Count - 2));
        var bBatch = MathInference.ShapeOf(bDims.GetRange(0, bDims.Count - 2));
        if (!ShapeHelpers.TryBroadcast([aBatch, bBatch], out var batch, out string? error))
        {
            ctx.Fail("MatMul batch dimensions: " + error);
            return;
        }
        List<Dimension> dims = [.. batch.Dimensions];
        if (a.Rank != 1)
        {
            dims.Add(aDims[^2]);
        }
        if (b.Rank != 1)
        {
            dims.Add(bDims[^1]);
        }
        ctx.SetOutputShape(0, MathInference.ShapeOf(dims));
    }

    /// <summary>Gemm: Y[M, N] = op(A)[M, K] x op(B)[K, N] (+ C broadcast to [M, N]).</summary>
    public static void Gemm(InferenceContext ctx)
    {
        var a = ctx.InputShape(0);
        var b = ctx.InputShape(1);
        if ((a.IsRanked && a.Rank != 2) || (b.IsRanked && b.Rank != 2))
        {
            ctx.Fail($"Gemm A and B must be 2-D, got {a} and {b}");
            return;
        }
        bool transA = ctx.GetInt("transA", 0) != 0;
        bool transB = ctx.GetInt("transB", 0) != 0;
        var m = a.IsRanked ? a[transA ? 1 : 0] : Dimension.Unknown;
        var k1 = a.IsRanked ? a[transA ? 0 : 1] : Dimension.Unknown;
        var k2 = b.IsRanked ? b[transB ? 1 : 0] : Dimension.Unknown;
        var n = b.IsRanked ? b[transB ? 0 : 1] : Dimension.Unknown;
        if (!MathInference.TryMerge(k1, k2, out _))
        {
            ctx.Fail($"Gemm inner dimensions differ: {a} (transA={(transA ? 1 : 0)}) and {b} (transB={(transB ? 1 : 0)})");
            return;
        }
        var y = Shape.Of(m, n);
        if (ctx.HasInput(2) && !MathInference.IsUnidirectionalBroadcastable(ctx.InputShape(2), y))
        {
            ctx.Fail($"Gemm C {ctx.InputShape(2)} cannot be broadcast to {y}");
            return;
        }
        ctx.SetOutputShape(0, y);
    }

    /// <summary>Det: [*, M, M] to [*].</summary>
    public static void Det(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        if (!x.IsRanked)
        {
            return;
        }
        if (x.Rank < 2)
        {
            ctx.Fail($"Det input must have rank 2 or more, got {x}");
            return;
        }
        if (!MathInference.TryMerge(x[x.Rank - 2], x[x.Rank - 1], out _))
        {
            ctx.Fail($"Det input matrices must be square, got {x}");
            return;
        }
        ctx.SetOutputShape(0, Shape.Of(x.Dimensions.RemoveRange(x.Rank - 2, 2)));
    }

    /// <summary>Trilu: the result has the input's shape (rank 2 or more); k holds one element.</summary>
    public static void Trilu(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        ctx.SetOutputShape(0, x);
        if (x.IsRanked && x.Rank < 2)
        {
            ctx.Fail($"Trilu input must have rank 2 or more, got {x}");
        }
        // ONNX: k is documented as a scalar, but models pass one-element 1-D tensors and runtimes accept them.
        var k = ctx.InputShape(1);
        if (ctx.HasInput(1) && k.IsRanked && (k.Rank > 1 || (k.IsStatic && k.ElementCount != 1)))
        {
            ctx.Fail($"Trilu k must hold one element, got shape {k}");
        }
    }
}
