using System.Collections.Immutable;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.NeuralNetwork;

/// <summary>Instance, layer, group, RMS, LRN, Lp and mean-variance normalizations.</summary>
internal static class NormalizationOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        s.Define("InstanceNormalization", 1).Input("input", "T").Input("scale", "T").Input("B", "T").Output("output", "T")
            .Attr("consumed_inputs", AttributeKind.Ints).Attr("epsilon", AttributeKind.Float, 1e-5f)
            .Constraint("T", Float).Infer(InferChannelAffine)
            .Evaluate(NormalizationKernels.InstanceNormalization);
        s.Define("InstanceNormalization", 6, 22).Input("input", "T").Input("scale", "T").Input("B", "T").Output("output", "T")
            .Attr("epsilon", AttributeKind.Float, 1e-5f).Constraint("T", Float).Infer(InferChannelAffine)
            .Evaluate(NormalizationKernels.InstanceNormalization);

        s.Define("LayerNormalization", 17).Input("X", "T").Input("Scale", "T").OptionalInput("B", "T").Output("Y", "T")
            .OptionalOutput("Mean", "U").OptionalOutput("InvStdDev", "U").Attr("axis", AttributeKind.Int, -1L)
            .Attr("epsilon", AttributeKind.Float, 1e-5f).Attr("stash_type", AttributeKind.Int, 1L)
            .Constraint("T", Float).Constraint("U", "tensor(float)", "tensor(bfloat16)").Infer(InferLayerNorm)
            .Evaluate(NormalizationKernels.LayerNormalization);

        s.Define("GroupNormalization", 18, 21).Input("X", "T").Input("scale", "T").Input("bias", "T").Output("Y", "T")
            .Attr("epsilon", AttributeKind.Float, 1e-5f).RequiredAttr("num_groups", AttributeKind.Int)
            .Attr("stash_type", AttributeKind.Int, 1L).Constraint("T", Float).Infer(InferGroupNorm)
            .Evaluate(NormalizationKernels.GroupNormalization);

        s.Define("RMSNormalization", 23).Input("X", "T").Input("scale", "V").Output("Y", "V")
            .Attr("axis", AttributeKind.Int, -1L).Attr("epsilon", AttributeKind.Float, 1e-5f)
            .Attr("stash_type", AttributeKind.Int, 1L).Constraint("T", Float).Constraint("V", Float).Infer(InferRmsNorm)
            .Evaluate(NormalizationKernels.RmsNormalization);

        s.Define("LRN", 1, 13).Input("X", "T").Output("Y", "T").Attr("alpha", AttributeKind.Float, 1e-4f)
            .Attr("beta", AttributeKind.Float, 0.75f).Attr("bias", AttributeKind.Float, 1.0f)
            .RequiredAttr("size", AttributeKind.Int).Constraint("T", Float).Infer(ShapeHelpers.SameAsInput(0))
            .Evaluate(LocalNormalizationKernels.Lrn);
        s.Define("LpNormalization", 1, 22).Input("input", "T").Output("output", "T").Attr("axis", AttributeKind.Int, -1L)
            .Attr("p", AttributeKind.Int, 2L).Constraint("T", Float).Infer(InferLpNorm)
            .Evaluate(LocalNormalizationKernels.LpNormalization);

        s.Define("MeanVarianceNormalization", 1).Input("input", "T").Output("output", "T")
            .Attr("across_channels", AttributeKind.Int, 0L).Attr("normalize_variance", AttributeKind.Int, 1L)
            .Constraint("T", Float).Infer(ShapeHelpers.SameAsInput(0))
            .Evaluate(LocalNormalizationKernels.MeanVarianceNormalization);
        s.Define("MeanVarianceNormalization", 9, 13).Input("X", "T").Output("Y", "T")
            .Attr("axes", AttributeKind.Ints, new long[] { 0, 2, 3 }).Constraint("T", Float).Infer(InferMvn)
            .Evaluate(LocalNormalizationKernels.MeanVarianceNormalization);
    }

    /// <summary>Same shape as X; scale and B are (C).</summary>
    private static void InferChannelAffine(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        if (x.IsRanked && x.Rank < 2)
        {
            ctx.Fail($"input has shape {x}, expected (N, C, ...)");
            return;
        }
        if (!CheckVector(ctx, 1, ConvPoolShapes.DimOrUnknown(x, 1)) || !CheckVector(ctx, 2, ConvPoolShapes.DimOrUnknown(x, 1)))
        {
            return;
        }
        InferenceOutputs.SetShape(ctx, 0, x);
    }

    private static void InferLayerNorm(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        InferenceOutputs.SetShape(ctx, 0, x);
        var stash = ctx.GetInt("stash_type", 1) == (long)ElementType.BFloat16 ? ElementType.BFloat16 : ElementType.Float;
        if (!x.IsRanked)
        {
            for (int i = 1; i < ctx.OutputCount; i++)
            {
                ctx.SetOutput(i, stash, Shape.Unranked);
            }
            return;
        }
        if (!ShapeHelpers.TryNormalizeAxis(ctx.GetInt("axis", -1), x.Rank, out int axis))
        {
            ctx.Fail($"axis {ctx.GetInt("axis", -1)} is out of range for X of rank {x.Rank}");
            return;
        }
        var dims = x.Dimensions.ToArray();
        for (int i = axis; i < dims.Length; i++)
        {
            dims[i] = Dimension.Of(1);
        }
        for (int i = 1; i < ctx.OutputCount; i++)
        {
            ctx.SetOutput(i, stash, Shape.Of(ImmutableArray.Create(dims)));
        }
    }

    /// <summary>Same shape as X; scale and bias are (C) from 21 on, (num_groups) in 18.</summary>
    private static void InferGroupNorm(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        long groups = ctx.GetInt("num_groups", 0);
        var c = ConvPoolShapes.DimOrUnknown(x, 1);
        if (groups < 1 || (x.IsRanked && x.Rank < 2) || (c.IsStatic && c.Value % groups != 0))
        {
            ctx.Fail($"num_groups {groups} must be positive and divide the channels of X {x}");
            return;
        }
        var expected = ctx.Schema.Id.SinceVersion >= 21 ? c : Dimension.Of(groups);
        if (!CheckVector(ctx, 1, expected) || !CheckVector(ctx, 2, expected))
        {
            return;
        }
        InferenceOutputs.SetShape(ctx, 0, x);
    }

    private static void InferRmsNorm(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        if (x.IsRanked && !ShapeHelpers.TryNormalizeAxis(ctx.GetInt("axis", -1), x.Rank, out _))
        {
            ctx.Fail($"axis {ctx.GetInt("axis", -1)} is out of range for X of rank {x.Rank}");
            return;
        }
        InferenceOutputs.SetShape(ctx, 0, x);
    }

    private static void InferLpNorm(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        long p = ctx.GetInt("p", 2);
        if (p is not (1 or 2) || (x.IsRanked && x.Rank > 0 && !ShapeHelpers.TryNormalizeAxis(ctx.GetInt("axis", -1), x.Rank, out _)))
        {
            ctx.Fail($"p {p} must be 1 or 2 and axis {ctx.GetInt("axis", -1)} within the rank of {x}");
            return;
        }
        InferenceOutputs.SetShape(ctx, 0, x);
    }

    private static void InferMvn(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        var axes = ctx.GetInts("axes") ?? [];
        if (x.IsRanked && axes.Any(a => !ShapeHelpers.TryNormalizeAxis(a, x.Rank, out _)))
        {
            ctx.Fail($"axes [{string.Join(",", axes)}] are out of range for input of shape {x}");
            return;
        }
        InferenceOutputs.SetShape(ctx, 0, x);
    }

    /// <summary>Input <paramref name="index"/>, when ranked, must be 1-D of <paramref name="length"/>.</summary>
    internal static bool CheckVector(InferenceContext ctx, int index, Dimension length)
    {
        var p = ctx.InputShape(index);
        if (p.IsRanked && (p.Rank != 1 || (p[0].IsStatic && length.IsStatic && p[0].Value != length.Value)))
        {
            ctx.Fail($"input {ctx.Schema.Inputs[index].Name} has shape {p}, expected [{length}]");
            return false;
        }
        return true;
    }
}
