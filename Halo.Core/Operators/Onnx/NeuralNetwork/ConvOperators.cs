using System.Collections.Immutable;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.NeuralNetwork;

/// <summary>Conv, ConvTranspose and DeformConv.</summary>
internal static class ConvOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        // Conv-1 and Conv-11 differ only in how auto_pad is described; 22 adds bfloat16.
        WindowAttrs(s.Define("Conv", 1, 11, 22)).Input("X", "T").Input("W", "T").OptionalInput("B", "T").Output("Y", "T")
            .Attr("group", AttributeKind.Int, 1L).Constraint("T", Float).Infer(InferConv).Evaluate(ConvKernels.Conv);
        WindowAttrs(s.Define("ConvTranspose", 1, 11, 22)).Input("X", "T").Input("W", "T").OptionalInput("B", "T")
            .Output("Y", "T").Attr("group", AttributeKind.Int, 1L).Attr("output_padding", AttributeKind.Ints)
            .Attr("output_shape", AttributeKind.Ints).Constraint("T", Float).Infer(InferConvTranspose).Evaluate(ConvKernels.ConvTranspose);
        s.Define("DeformConv", 19, 22).Input("X", "T").Input("W", "T").Input("offset", "T").OptionalInput("B", "T")
            .OptionalInput("mask", "T").Output("Y", "T").Attr("dilations", AttributeKind.Ints)
            .Attr("group", AttributeKind.Int, 1L).Attr("kernel_shape", AttributeKind.Ints)
            .Attr("offset_group", AttributeKind.Int, 1L).Attr("pads", AttributeKind.Ints).Attr("strides", AttributeKind.Ints)
            .Constraint("T", Float).Infer(InferConv).Evaluate(DeformConvKernel.DeformConv);
    }

    private static OperatorSchemaBuilder WindowAttrs(OperatorSchemaBuilder b) => b
        .Attr("auto_pad", AttributeKind.String, "NOTSET").Attr("dilations", AttributeKind.Ints)
        .Attr("kernel_shape", AttributeKind.Ints).Attr("pads", AttributeKind.Ints).Attr("strides", AttributeKind.Ints);

    /// <summary>Y = (N, M, spatial...) with M = W[0]; also used by DeformConv.</summary>
    private static void InferConv(InferenceContext ctx)
    {
        if (Prepare(ctx, out var x, out var w, out var window, out long group) is not { } n)
        {
            return;
        }
        var m = ConvPoolShapes.DimOrUnknown(w, 0);
        if (!CheckChannels(ctx, ConvPoolShapes.DimOrUnknown(x, 1), ConvPoolShapes.DimOrUnknown(w, 1), m, group)
            || !CheckBias(ctx, 2 + (ctx.Schema.Id.Name == "DeformConv" ? 1 : 0), m))
        {
            return;
        }
        var shape = window is null
            ? ShapeWithUnknownSpatial(x, m, n)
            : ConvPoolShapes.BatchChannelShape(ConvPoolShapes.DimOrUnknown(x, 0), m, x, n,
                (d, i) => ConvPoolShapes.OutputDim(ctx, d, window, i));
        if (shape is not null)
        {
            InferenceOutputs.SetShape(ctx, 0, shape);
        }
    }

    /// <summary>Y = (N, W[1] * group, spatial...), spatial from output_shape or the transposed size rule.</summary>
    private static void InferConvTranspose(InferenceContext ctx)
    {
        if (Prepare(ctx, out var x, out var w, out var window, out long group) is not { } n)
        {
            return;
        }
        var c = ConvPoolShapes.DimOrUnknown(x, 1);
        var w0 = ConvPoolShapes.DimOrUnknown(w, 0);
        if (c.IsStatic && w0.IsStatic && c.Value != w0.Value)
        {
            ctx.Fail($"X has {c.Value} channels but W (shape {w}) expects {w0.Value}");
            return;
        }
        var w1 = ConvPoolShapes.DimOrUnknown(w, 1);
        var m = w1.IsStatic ? Dimension.Of(checked(w1.Value * group)) : Dimension.Unknown;
        if (!CheckBias(ctx, 2, m))
        {
            return;
        }
        var outputPadding = ConvPoolShapes.PerAxis(ctx, "output_padding", n, 0, 0);
        var outputShape = ctx.GetInts("output_shape");
        if (outputPadding is null)
        {
            return;
        }
        if (outputShape is { } os && os.Length != n && os.Length != n + 2)
        {
            ctx.Fail($"output_shape has {os.Length} values, expected {n} spatial sizes");
            return;
        }
        var shape = ConvPoolShapes.BatchChannelShape(ConvPoolShapes.DimOrUnknown(x, 0), m, x, n, (d, i) =>
            outputShape is { } given ? Dimension.Of(System.Math.Max(0, given[given.Length - n + i]))
            : window is null ? Dimension.Unknown
            : ConvPoolShapes.TransposedOutputDim(ctx, d, window, outputPadding.Value[i], i));
        if (shape is not null)
        {
            InferenceOutputs.SetShape(ctx, 0, shape);
        }
    }

    /// <summary>Common checks: spatial rank, group, kernel and window; null when the rank is unknown or on error
    /// (<paramref name="window"/> is null when the kernel size is not known).</summary>
    private static int? Prepare(InferenceContext ctx, out Shape x, out Shape w, out ConvWindow? window, out long group)
    {
        x = ctx.InputShape(0);
        w = ctx.InputShape(1);
        window = null;
        group = ctx.GetInt("group", 1);
        var kernel = ConvPoolShapes.KernelShape(ctx, w);
        int n = ConvPoolShapes.SpatialRank(ctx, x, w, kernel);
        if (n < 0)
        {
            return null;
        }
        if (group < 1)
        {
            ctx.Fail($"group {group} must be positive");
            return null;
        }
        if (kernel is { } k)
        {
            for (int i = 0; i < n && w.IsRanked; i++)
            {
                if (w[i + 2].IsStatic && w[i + 2].Value != k[i])
                {
                    ctx.Fail($"kernel_shape [{string.Join(",", k)}] does not match the weight shape {w}");
                    return null;
                }
            }
            window = ConvPoolShapes.ReadWindow(ctx, k);
            if (window is null)
            {
                return null;
            }
        }
        return n;
    }

    private static bool CheckChannels(InferenceContext ctx, Dimension c, Dimension wc, Dimension m, long group)
    {
        if (c.IsStatic && wc.IsStatic && c.Value != checked(wc.Value * group))
        {
            ctx.Fail($"X has {c.Value} channels but W expects {wc.Value} per group times {group} groups");
            return false;
        }
        if (m.IsStatic && m.Value % group != 0)
        {
            ctx.Fail($"{m.Value} output channels are not divisible by group {group}");
            return false;
        }
        return true;
    }

    private static bool CheckBias(InferenceContext ctx, int index, Dimension m)
    {
        var b = ctx.InputShape(index);
        if (!ctx.HasInput(index) || !b.IsRanked)
        {
            return true;
        }
        if (b.Rank != 1 || (b[0].IsStatic && m.IsStatic && b[0].Value != m.Value))
        {
            ctx.Fail($"bias has shape {b}, expected [{m}]");
            return false;
        }
        return true;
    }

    private static Shape ShapeWithUnknownSpatial(Shape x, Dimension m, int n)
    {
        var dims = Enumerable.Repeat(Dimension.Unknown, n + 2).ToArray();
        dims[0] = ConvPoolShapes.DimOrUnknown(x, 0);
        dims[1] = m;
        return Shape.Of(ImmutableArray.Create(dims));
    }
}
